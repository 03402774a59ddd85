package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings Firebell adds to an H2 URL take effect, and a user's own win. */
class H2UrlTest {
  @TempDir Path dir;

  @Test
  void anEmbeddedFileGetsASmallPageCache() throws SQLException {
    assertThat(cacheMegabytes(Database.h2Url("jdbc:h2:file:" + dir.resolve("small")))).isEqualTo(4);
  }

  @Test
  void aCacheSizeInTheUrlWins() throws SQLException {
    String url = Database.h2Url("jdbc:h2:file:" + dir.resolve("own") + ";cache_size=32768");
    assertThat(url).doesNotContainIgnoringCase("cache_size=4096");
    assertThat(cacheMegabytes(url)).isEqualTo(32);
  }

  @Test
  void anEmbeddedFileIsWrittenCompressed() throws SQLException, IOException {
    long compressed = fileBytesAfterWriting("lzf", "");
    long plain = fileBytesAfterWriting("plain", ";compress=false");
    assertThat(compressed).isLessThan(plain / 2);
  }

  @Test
  void aFileWrittenUncompressedOpensAndTakesNewRows() throws SQLException, IOException {
    fileBytesAfterWriting("upgraded", ";compress=false");
    String plain = "jdbc:h2:file:" + dir.resolve("upgraded");
    try (Connection connection = DriverManager.getConnection(Database.h2Url(plain));
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO alert VALUES (2000, '{}', '{}')");
      try (ResultSet rows =
          statement.executeQuery("SELECT COUNT(*), MAX(labels) FROM alert WHERE id < 2000")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(2_000);
        assertThat(rows.getString(2)).contains("\"instance\":\"10.0.0.999\"");
      }
    }
  }

  /**
   * The size of database {@code name}'s file, opened with {@code settings}, after 2,000 rows of an
   * alert's labels and annotations, as JSON text.
   */
  private long fileBytesAfterWriting(String name, String settings)
      throws SQLException, IOException {
    String url = Database.h2Url("jdbc:h2:file:" + dir.resolve(name) + settings);
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE alert (id INT PRIMARY KEY, labels VARCHAR, annotations VARCHAR)");
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO alert VALUES (?, ?, ?)")) {
        for (int n = 0; n < 2_000; n++) {
          insert.setInt(1, n);
          insert.setString(
              2,
              "{\"alertname\":\"HighLatency\",\"instance\":\"10.0.0." + n + "\",\"job\":\"api\"}");
          insert.setString(
              3,
              "{\"summary\":\"p99 latency above 500 ms\",\"runbook_url\":"
                  + "\"https://runbooks.example.com/high-latency\"}");
          insert.executeUpdate();
        }
      }
      statement.execute("SHUTDOWN");
    }
    return Files.size(dir.resolve(name + ".mv.db"));
  }

  private static int cacheMegabytes(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        ResultSet setting =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT setting_value FROM information_schema.settings"
                        + " WHERE setting_name = 'info.CACHE_MAX_SIZE'")) {
      assertThat(setting.next()).isTrue();
      return Integer.parseInt(setting.getString(1));
    }
  }
}
