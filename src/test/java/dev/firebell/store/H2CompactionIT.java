package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded file gives back what old row versions held while the database stays open, once
 * intake has gone quiet (H2 by itself would keep the file at its peak), and every row stays as it
 * was last written.
 */
class H2CompactionIT {
  private static final int ROWS = 100;

  @TempDir Path dir;

  @Test
  void theFileShrinksWhileWritesGoOn() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    // H2 frees a dead chunk only after RETENTION_TIME (45 s by default): 1 s keeps the test short.
    // Its own upkeep is off, so what shrinks the file is this compaction alone.
    dataSource.setURL(
        Database.h2Url(
            "jdbc:h2:file:"
                + dir.resolve("compaction")
                + ";RETENTION_TIME=1000;AUTO_COMPACT_FILL_RATE=0"));
    Path file = dir.resolve("compaction.mv.db");
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE churn (id INT PRIMARY KEY, body CHARACTER VARYING)");
      int written = churn(connection, 0, 3_000);
      long grown = Files.size(file);

      try (H2Compaction compaction = H2Compaction.start(dataSource, 200, H2CompactionIT::longAgo)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Files.size(file) > grown / 4 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(Files.size(file)).isLessThan(grown / 4);
        assertThat(compaction.steps()).isPositive();
        assertThat(compaction.fileBytes()).isEqualTo(Files.size(file));
      }
      try (ResultSet rows = statement.executeQuery("SELECT id, body FROM churn ORDER BY id")) {
        for (int id = 0; id < ROWS; id++) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(2)).isEqualTo(body(lastWrite(id, written)));
        }
        assertThat(rows.next()).isFalse();
      }
    }
  }

  /**
   * Closing leaves the file as it stands: H2's own compaction at close would overwrite freed chunks
   * at once (it sets the retention time to 0), under which H2 files are known to come back
   * unreadable. Shrinking is the running compaction's job, retention kept.
   */
  @Test
  void closingDoesNotCompactTheFile() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(Database.h2Url("jdbc:h2:file:" + dir.resolve("closing")));
    Path file = dir.resolve("closing.mv.db");
    long grown;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE churn (id INT PRIMARY KEY, body CHARACTER VARYING)");
      churn(connection, 0, 1_000);
      grown = Files.size(file);
    }
    assertThat(Files.size(file)).isGreaterThanOrEqualTo(grown);
    try (Connection reopened = dataSource.getConnection();
        Statement statement = reopened.createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM churn")) {
      assertThat(count.next()).isTrue();
      assertThat(count.getInt(1)).isEqualTo(ROWS);
    }
  }

  /**
   * Rewrites the rows round-robin, one synced commit each, as intake's updates do: every commit
   * leaves the previous version of a 4 KB row behind in the file.
   */
  private static int churn(Connection connection, int from, int count) throws SQLException {
    try (PreparedStatement write =
            connection.prepareStatement("MERGE INTO churn (id, body) KEY (id) VALUES (?, ?)");
        Statement sync = connection.createStatement()) {
      for (int n = from; n < from + count; n++) {
        write.setInt(1, n % ROWS);
        write.setString(2, body(n));
        write.executeUpdate();
        sync.execute("CHECKPOINT SYNC");
      }
    }
    return from + count;
  }

  /** Intake last wrote an hour ago. */
  private static long longAgo() {
    return System.nanoTime() - TimeUnit.HOURS.toNanos(1);
  }

  private static int lastWrite(int id, int written) {
    return written - 1 - Math.floorMod(written - 1 - id, ROWS);
  }

  private static String body(int n) {
    return "x".repeat(4_000) + n;
  }
}
