package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.FirebellProcess;
import dev.firebell.TestApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at moments spread over a first start and over an upgrade from the previous release's
 * schema (V8) holding 1,000 incidents: every next start is healthy and migrated and has every
 * incident. H2's DDL is not transactional, so without the pre-migration copy a kill inside a
 * migration bricks the database for good.
 */
class MigrationKillIT {
  private static final String PREVIOUS_RELEASE = "8";
  private static final int INCIDENTS = 1_000;
  private static final int KILLS_PER_SCENARIO = 10;

  @TempDir Path dir;

  @Test
  void aKillAtAnyMomentOfAFirstStartOrAnUpgradeLeavesAWorkingDatabase() throws Exception {
    Path template = dir.resolve("template");
    Files.createDirectories(template);
    createPreviousRelease(template.resolve("firebell"));

    int interrupted = 0;
    interrupted += killDuringStarts("first", null, 0);
    interrupted += killDuringStarts("upgrade", template, INCIDENTS);
    System.out.printf(
        "migration kill test: %d kills, %d of them inside a migration%n",
        2 * KILLS_PER_SCENARIO, interrupted);
    assertThat(interrupted).as("kills that landed inside a migration").isPositive();
  }

  /**
   * Measures one undisturbed start, then kills fresh copies at moments spread over the part of the
   * start that migrates, and checks the start after each kill. Returns how many kills left a
   * migration unfinished (the next start said it restored the copy).
   */
  private int killDuringStarts(String scenario, Path template, int incidents) throws Exception {
    Duration[] window = migrationWindow(prepare(scenario + "-calibration", template));
    int interrupted = 0;
    for (int run = 0; run < KILLS_PER_SCENARIO; run++) {
      Path runDir = prepare(scenario + "-" + run, template);
      Path config = config(runDir);
      long spread = window[1].toMillis() - window[0].toMillis();
      long killAfter = window[0].toMillis() + spread * run / (KILLS_PER_SCENARIO - 1);
      FirebellProcess starting =
          FirebellProcess.launch(config, port(runDir), runDir, List.of("-Xmx256m"));
      Thread.sleep(Math.max(0, killAfter));
      starting.kill();

      try (FirebellProcess next = FirebellProcess.start(config, port(runDir), runDir)) {
        if (next.log().contains("an earlier start stopped while migrating")) {
          interrupted++;
        }
        assertThat(TestApp.send(readyz(next)).status()).as(next.log()).isEqualTo(200);
      }
      assertMigratedWith(runDir.resolve("firebell"), incidents);
    }
    return interrupted;
  }

  /** From launch: when migrating starts and when it ends, widened a little on both sides. */
  private Duration[] migrationWindow(Path runDir) throws Exception {
    Instant launched = Instant.now();
    try (FirebellProcess firebell =
        FirebellProcess.start(config(runDir), port(runDir), runDir, List.of("-Xmx256m"))) {
      Instant start = logTime(firebell.log(), "Migrations - migrating");
      Instant end = logTime(firebell.log(), "Migrations - migrated");
      return new Duration[] {
        Duration.between(launched, start).minusMillis(150),
        Duration.between(launched, end).plusMillis(100)
      };
    }
  }

  private static Instant logTime(String log, String marker) {
    return log.lines()
        .filter(line -> line.contains(marker))
        .map(line -> OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + marker + "' in\n" + log));
  }

  private Path prepare(String name, Path template) throws IOException {
    Path runDir = dir.resolve(name);
    Files.createDirectories(runDir);
    if (template != null) {
      Files.copy(template.resolve("firebell.mv.db"), runDir.resolve("firebell.mv.db"));
    }
    Files.writeString(runDir.resolve("port"), String.valueOf(FirebellProcess.freePort()));
    return runDir;
  }

  private static int port(Path runDir) throws IOException {
    return Integer.parseInt(Files.readString(runDir.resolve("port")));
  }

  private static Path config(Path runDir) throws IOException {
    return FirebellProcess.writeConfig(runDir, port(runDir), runDir, "");
  }

  private static HttpRequest.Builder readyz(FirebellProcess firebell) {
    return HttpRequest.newBuilder(URI.create(firebell.url("/readyz")));
  }

  private static void assertMigratedWith(Path database, int incidents) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url(database));
        Statement statement = connection.createStatement()) {
      assertThat(count(statement, "SELECT COUNT(*) FROM incident")).isEqualTo(incidents);
      assertThat(count(statement, "SELECT COUNT(*) FROM incident_alert")).isEqualTo(incidents);
      assertThat(count(statement, "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"))
          .isZero();
      assertThat(count(statement, "SELECT COUNT(*) FROM incident WHERE started_at IS NULL"))
          .isZero();
    }
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String url(Path database) {
    return Database.h2Url("jdbc:h2:file:" + database.toAbsolutePath());
  }

  /** The schema of the previous release, as its migrations made it, with resolved incidents. */
  private static void createPreviousRelease(Path database) throws SQLException {
    Flyway.configure()
        .dataSource(url(database), "", "")
        .locations("classpath:db/migration")
        .target(PREVIOUS_RELEASE)
        .load()
        .migrate();
    try (Connection connection = DriverManager.getConnection(url(database))) {
      connection.setAutoCommit(false);
      OffsetDateTime start = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);
      List<String> sql = new ArrayList<>();
      sql.add(
          """
          INSERT INTO alert_group (group_hash, source, group_key, last_incident_id, first_seen_at)
          VALUES (?, 'alertmanager', ?, ?, ?)
          """);
      sql.add(
          """
          INSERT INTO incident (group_hash, source, receiver, title, severity, service,
            status, test, opened_at, resolved_at, group_labels, common_labels,
            common_annotations, alert_name)
          VALUES (?, 'alertmanager', 'team', ?, 'SEV-2', 'pizza', 'RESOLVED', FALSE, ?, ?,
            '{}', '{}', '{}', 'PizzaFailures')
          """);
      sql.add(
          """
          INSERT INTO incident_alert (incident_id, fingerprint, status, labels, annotations,
            alert_values, starts_at, ends_at)
          VALUES (?, ?, 'RESOLVED', '{"alertname":"PizzaFailures"}', '{}', '{"B":20}', ?, ?)
          """);
      try (PreparedStatement groups = connection.prepareStatement(sql.get(0));
          PreparedStatement rows = connection.prepareStatement(sql.get(1));
          PreparedStatement alerts = connection.prepareStatement(sql.get(2))) {
        for (int id = 1; id <= INCIDENTS; id++) {
          String hash = "%064d".formatted(id);
          OffsetDateTime opened = start.plusMinutes(id * 30L);
          groups.setString(1, hash);
          groups.setString(2, "{}:{alertname=\"PizzaFailures\",n=\"" + id + "\"}");
          groups.setLong(3, id);
          groups.setObject(4, opened);
          groups.addBatch();
          rows.setString(1, hash); // ids count up from 1 in this order
          rows.setString(2, "Pizza failures " + id);
          rows.setObject(3, opened);
          rows.setObject(4, opened.plusMinutes(9));
          rows.addBatch();
          alerts.setLong(1, id);
          alerts.setString(2, "%016x".formatted(id));
          alerts.setObject(3, opened.minusMinutes(1));
          alerts.setObject(4, opened.plusMinutes(9));
          alerts.addBatch();
        }
        groups.executeBatch();
        rows.executeBatch();
        alerts.executeBatch();
      }
      connection.commit();
      try (Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      }
    }
  }
}
