package dev.firebell.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded database's file as Firebell left it when it stopped, and the incidents it holds:
 * what a team's disk pays for each incident, its alerts, timeline and pages included.
 */
record Disk(long bytes, long incidents) {
  /** Read while no Firebell has the file open: the size first, as the stop left it. */
  static Disk of(Path dir) throws IOException, SQLException {
    Path file = dir.resolve("data/firebell.mv.db");
    long bytes = Files.size(file);
    String url =
        "jdbc:h2:file:" + dir.resolve("data/firebell") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM incident")) {
      count.next();
      return new Disk(bytes, count.getLong(1));
    }
  }

  double perIncident() {
    return incidents == 0 ? 0 : (double) bytes / incidents;
  }
}
