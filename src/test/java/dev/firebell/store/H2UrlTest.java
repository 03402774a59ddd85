package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
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
