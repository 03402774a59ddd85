package dev.firebell;

import dev.firebell.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database for each test: in-memory H2 by default, or a new PostgreSQL database when the
 * suite runs with {@code -Dfirebell.test.database=postgres} (the build's second Failsafe run).
 * PostgreSQL databases are dropped when the test JVM ends.
 */
public final class TestDatabases {
  private static final String ENV = "FIREBELL_TEST_POSTGRES_URL";
  private static final String CI_DEFAULT = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final List<String> CREATED = new CopyOnWriteArrayList<>();
  private static final java.util.concurrent.atomic.AtomicBoolean TOLD =
      new java.util.concurrent.atomic.AtomicBoolean();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll, "drop-test-databases"));
  }

  private TestDatabases() {}

  public static boolean postgresRun() {
    return "postgres".equals(System.getProperty("firebell.test.database"));
  }

  public static DatabaseConfig fresh() {
    return postgresRun()
        ? freshPostgres()
        : DatabaseConfig.of("jdbc:h2:mem:firebell-" + UUID.randomUUID());
  }

  /** A new, empty PostgreSQL database; skips the test (fails it in CI) when none is reachable. */
  public static DatabaseConfig freshPostgres() {
    String admin = adminUrl();
    String name = "firebell_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection connection = DriverManager.getConnection(admin);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      String message = "PostgreSQL at " + admin + " is unreachable: " + e.getMessage();
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(message, e);
      }
      Assumptions.abort(message);
    }
    CREATED.add(name);
    return DatabaseConfig.of(withDatabase(admin, name));
  }

  /** Whether PostgreSQL tests can run: a URL is given, or CI provides the default server. */
  public static boolean postgresConfigured() {
    String url = System.getenv(ENV);
    return (url != null && !url.isBlank()) || "true".equals(System.getenv("CI"));
  }

  public static String skipMessage() {
    String message =
        "PostgreSQL tests skipped: set " + ENV + "=" + CI_DEFAULT + " (or CI=true) to run them";
    if (!TOLD.getAndSet(true)) {
      System.out.println(message);
    }
    return message;
  }

  private static String adminUrl() {
    String url = System.getenv(ENV);
    if (url != null && !url.isBlank()) {
      return url;
    }
    if ("true".equals(System.getenv("CI"))) {
      return CI_DEFAULT;
    }
    Assumptions.abort(skipMessage());
    return null;
  }

  /** The same server and options, another database name. */
  static String withDatabase(String url, String name) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
  }

  private static void dropAll() {
    if (CREATED.isEmpty()) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(adminUrl());
        Statement statement = connection.createStatement()) {
      for (String name : CREATED) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException | RuntimeException e) {
      System.err.println("could not drop test databases " + CREATED + ": " + e.getMessage());
    }
  }
}
