package dev.firebell.bench;

import dev.firebell.store.HexKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes many incidents straight into a stopped Firebell's database, for measuring the list with a
 * year or two of history: one alert group per incident, mostly resolved, a few still open.
 */
final class IncidentSeeder {
  private static final int BATCH = 1_000;
  private static final String[] SEVERITIES = {"critical", "warning", "info"};

  private IncidentSeeder() {}

  static void seed(String databaseUrl, int count) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(databaseUrl))) {
      connection.setAutoCommit(false);
      Instant start = Instant.parse("2025-01-01T00:00:00Z");
      try (PreparedStatement group =
              connection.prepareStatement(
                  "INSERT INTO alert_group (group_hash, source, group_key, first_seen_at)"
                      + " VALUES (?, 'grafana', ?, ?)");
          PreparedStatement incident =
              connection.prepareStatement(
                  """
                  INSERT INTO incident (group_hash, source, receiver, title, severity, service,
                    status, test, opened_at, resolved_at, group_labels, common_labels,
                    common_annotations, alert_name, urgency)
                  VALUES (?, 'grafana', 'firebell', ?, ?, ?, ?, FALSE, ?, ?, '{}', ?, '{}', ?,
                    'HIGH')
                  """)) {
        for (int n = 0; n < count; n++) {
          byte[] hash = HexKey.bytes(String.format("%064x", n));
          String service = "service-" + (n % 40);
          Instant opened = start.plus(Duration.ofMinutes(5L * n));
          boolean open = n % 1000 == 0;
          group.setBytes(1, hash);
          group.setString(2, "{}:{service=\"" + service + "\",n=\"" + n + "\"}");
          group.setTimestamp(3, Timestamp.from(opened));
          group.addBatch();
          incident.setBytes(1, hash);
          incident.setString(2, "HighErrorRate " + service + " #" + n);
          incident.setString(3, SEVERITIES[n % SEVERITIES.length]);
          incident.setString(4, service);
          incident.setString(5, open ? "TRIGGERED" : "RESOLVED");
          incident.setTimestamp(6, Timestamp.from(opened));
          incident.setTimestamp(7, open ? null : Timestamp.from(opened.plusSeconds(600)));
          incident.setString(
              8, "{\"alertname\":\"HighErrorRate\",\"service\":\"" + service + "\"}");
          incident.setString(9, "HighErrorRate");
          incident.addBatch();
          if ((n + 1) % BATCH == 0 || n == count - 1) {
            group.executeBatch();
            incident.executeBatch();
            connection.commit();
          }
        }
      }
      if (databaseUrl.startsWith("jdbc:postgresql:")) {
        // What autovacuum does within a minute of such an insert: statistics and visibility map.
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("VACUUM ANALYZE alert_group, incident");
        }
      }
    }
  }

  /** H2 needs the settings Firebell opens it with, or it would not find the lower-case tables. */
  private static String jdbcUrl(String url) {
    return url.startsWith("jdbc:h2:") ? url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" : url;
  }
}
