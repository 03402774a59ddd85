package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill in the middle of a background cut ({@link GradualCutChannel}) leaves the file ending in
 * old chunks H2 no longer refers to: H2 opens it with the rows as last committed.
 */
class H2StaleTailTest {
  @TempDir Path dir;

  @Test
  void aFileEndingInOldChunksOpensWithItsLatestRows() throws SQLException, IOException {
    String url = Database.h2Url("jdbc:h2:file:" + dir.resolve("tail"));
    Path file = dir.resolve("tail.mv.db");
    write(url, "CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR)", "first");
    byte[] older = Files.readAllBytes(file);
    write(url, null, "second");

    Files.write(file, older, StandardOpenOption.APPEND);

    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT COUNT(*), MIN(body), MAX(body) FROM note")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(200);
      assertThat(rows.getString(2)).isEqualTo("second 0");
      assertThat(rows.getString(3)).isEqualTo("second 99");
    }
  }

  /** Writes rows 0-199 (MERGE, a synced commit each) as {@code version}, then closes the file. */
  private static void write(String url, String ddl, String version) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      if (ddl != null) {
        statement.execute(ddl);
      }
      try (PreparedStatement merge =
          connection.prepareStatement("MERGE INTO note (id, body) KEY (id) VALUES (?, ?)")) {
        for (int id = 0; id < 200; id++) {
          merge.setInt(1, id);
          merge.setString(2, version + " " + (id % 100));
          merge.executeUpdate();
          statement.execute("CHECKPOINT SYNC");
        }
      }
      statement.execute("SHUTDOWN");
    }
  }
}
