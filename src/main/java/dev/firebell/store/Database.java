package dev.firebell.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.firebell.config.DatabaseConfig;
import dev.firebell.text.Cut;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * The connection pool, the migrated schema and the Jdbi handle on top of them, plus the way this
 * database makes a commit durable.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Durability durability;
  private final H2Compaction compaction;

  private Database(
      HikariDataSource dataSource, Jdbi jdbi, Durability durability, H2Compaction compaction) {
    this.dataSource = dataSource;
    this.jdbi = jdbi;
    this.durability = durability;
    this.compaction = compaction;
  }

  /** Connects, applies the Flyway migrations and prepares Jdbi. */
  public static Database open(DatabaseConfig config, ObjectMapper json) {
    return open(config, json, UnaryOperator.identity());
  }

  /**
   * As {@link #open(DatabaseConfig, ObjectMapper)}, with every query going through {@code
   * wrapper}'s data source: fault tests fail chosen JDBC calls there.
   */
  public static Database open(
      DatabaseConfig config, ObjectMapper json, UnaryOperator<DataSource> wrapper) {
    // A snapshot left by a start killed while migrating goes back before anything opens the file.
    H2FileSnapshot.forUrl(config.url()).ifPresent(H2FileSnapshot::restoreLeftOver);
    HikariDataSource dataSource = new HikariDataSource(hikari(config));
    boolean opened = false;
    try {
      if (!Migrations.isCurrent(dataSource)) {
        if (H2FileSnapshot.forUrl(config.url()).isPresent()) {
          dataSource.close(); // the file is copied aside while closed
          Migrations.closedH2File(config);
          dataSource = new HikariDataSource(hikari(config));
        } else {
          Migrations.onPool(Migrations.flyway(dataSource));
        }
      }
      Jdbi jdbi = Jdbi.create(wrapper.apply(dataSource));
      // A failed statement is logged with its SQL but not its bound values: those are alert
      // data, and may be secrets a sender put in a label.
      jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutValues);
      JsonColumns.install(jdbi, json);
      boolean h2File = config.isH2() && !config.isH2InMemory();
      H2GroupSync sync = h2File ? new H2GroupSync(jdbi) : null;
      H2Compaction compaction = h2File ? compaction(dataSource, sync) : null;
      Durability durability = h2File ? sync : Durability.IMMEDIATE;
      Database database = new Database(dataSource, jdbi, durability, compaction);
      opened = true;
      return database;
    } finally {
      if (!opened) { // whatever failed is the caller's to report; the pool goes with it
        dataSource.close();
      }
    }
  }

  private static H2Compaction compaction(DataSource dataSource, H2GroupSync sync) {
    try {
      return H2Compaction.start(dataSource, sync::lastSyncNanos);
    } catch (SQLException e) { // no connection to find the H2 file's store on
      sync.close();
      throw new ConnectionException(e);
    }
  }

  /** The driver's message and the statement's SQL (cut to 300 characters), no bound values. */
  private static String withoutValues(StatementException e) {
    String cause = e.getCause() == null ? "" : e.getCause().getMessage();
    String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRawSql();
    return sql == null ? cause : cause + " [statement:\"" + Cut.toChars(sql.strip(), 300) + "\"]";
  }

  private static HikariConfig hikari(DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.isH2() ? h2Url(config.url()) : config.url());
    hikari.setUsername(config.username());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setPoolName("firebell-db");
    // Fail fast at start-up rather than hang when the database is unreachable.
    hikari.setInitializationFailTimeout(10_000);
    hikari.setConnectionTimeout(5_000);
    return hikari;
  }

  /**
   * H2 runs in PostgreSQL mode so one set of migrations and queries serves both databases. A user's
   * own settings in the URL win over these.
   */
  static String h2Url(String url) {
    StringBuilder full =
        new StringBuilder(H2LocalFile.name(url).map(name -> cutGradually(url, name)).orElse(url));
    appendIfAbsent(full, "MODE", "PostgreSQL");
    appendIfAbsent(full, "DATABASE_TO_LOWER", "TRUE");
    appendIfAbsent(full, "DEFAULT_NULL_ORDERING", "HIGH");
    appendIfAbsent(full, "LOCK_TIMEOUT", "10000");
    // H2 keeps 8 parsed statements a session by default; Firebell runs a few dozen distinct ones,
    // which would otherwise be parsed and planned again on most calls.
    appendIfAbsent(full, "QUERY_CACHE_SIZE", "256");
    // H2 keeps every page it writes in its cache, also the versions a later commit replaced. At
    // H2's default of 16 MB those dead pages lived long enough under a storm to be promoted, and
    // filled the old generation: a full collection of 60-90 ms about every second. At 4 MB most
    // die young (half the full collections, 20-60 MiB less resident under load), the pages a
    // webhook reads stay cached, and no CPU cost could be measured.
    appendIfAbsent(full, "CACHE_SIZE", "4096");
    // Every error H2 would trace reaches Firebell as an exception and is logged there; the trace
    // file beside the database only left stale copies (a first start's probe of the history).
    appendIfAbsent(full, "TRACE_LEVEL_FILE", "0");
    // H2 would close the database from its own shutdown hook, racing Firebell's: the senders still
    // finishing then found it gone. Firebell closes it itself, last (App.close).
    appendIfAbsent(full, "DB_CLOSE_ON_EXIT", "FALSE");
    // By default H2 compacts for 200 ms as it closes, and sets the chunk retention time to 0 to do
    // it: freed chunks are overwritten at once, the setting under which H2 files are known to come
    // back unreadable (h2database issues 2752, 4083, 4387; one of this machine's files did, after
    // a few plain restarts). H2Compaction shrinks the file while running, retention kept.
    appendIfAbsent(full, "MAX_COMPACT_TIME", "0");
    if (url.startsWith("jdbc:h2:mem:")) {
      appendIfAbsent(full, "DB_CLOSE_DELAY", "-1");
    } else {
      // Pages are written LZF-compressed: an alert's labels, annotations and links repeat from row
      // to row. The bench's file held 1.1-2.2 KB an incident instead of 4.3, for about 17% more CPU
      // a new incident (README).
      appendIfAbsent(full, "COMPRESS", "TRUE");
    }
    return full.toString();
  }

  /**
   * {@code jdbc:h2:file:./data/x;...} becomes {@code jdbc:h2:gradualcut:./data/x;...}, so the
   * file's cuts are made in the background ({@link GradualCutChannel} says why).
   */
  private static String cutGradually(String url, String name) {
    GradualCutPath.register();
    int settings = url.indexOf(';');
    return "jdbc:h2:"
        + GradualCutPath.SCHEME
        + ":"
        + name
        + (settings < 0 ? "" : url.substring(settings));
  }

  private static void appendIfAbsent(StringBuilder url, String setting, String value) {
    if (!url.toString().toUpperCase().contains(";" + setting + "=")) {
      url.append(';').append(setting).append('=').append(value);
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Durability durability() {
    return durability;
  }

  /** The embedded H2 file's compaction; empty for PostgreSQL and in-memory H2. */
  public Optional<H2Compaction> compaction() {
    return Optional.ofNullable(compaction);
  }

  /** True when the database answers a trivial query. */
  public boolean isReachable() {
    try {
      return jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one())
          == 1;
    } catch (JdbiException e) { // unreachable, refused or failing: all mean "not up"
      return false;
    }
  }

  /**
   * An in-memory database lives until told otherwise (DB_CLOSE_DELAY=-1). SHUTDOWN closes the
   * connection it runs on, so the statement itself reports an error that means success.
   */
  private void dropInMemoryDatabase() {
    try {
      jdbi.useHandle(handle -> handle.execute("SHUTDOWN"));
    } catch (JdbiException expected) {
      // the database is gone, which was the point
    }
  }

  /** Reachable, and every migration this build knows has been applied. */
  public boolean isReady() {
    return isReachable() && Migrations.isCurrent(dataSource);
  }

  @Override
  public void close() {
    if (compaction != null) {
      compaction.close();
    }
    durability.close();
    if (dataSource.getJdbcUrl().startsWith("jdbc:h2:mem:")) {
      dropInMemoryDatabase();
    }
    dataSource.close();
  }
}
