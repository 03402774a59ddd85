package dev.firebell.bench;

import dev.firebell.security.Passwords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/** Configuration files and PostgreSQL databases for the servers under test. */
final class BenchSetup {
  static final String TOKEN = "bench-ingest-token";
  static final String API = "bench-api-token";
  static final String USER = "bench";
  static final String PASSWORD = "bench-password-not-secret";

  private BenchSetup() {}

  /**
   * firebell.yaml and oncall.yaml: one person paged by webhook at the capture endpoint. The policy
   * escalates after 30 minutes, longer than the bench runs: the warm-up's tens of thousands of
   * escalations would otherwise run out together five minutes later, 100 a second for about ten
   * minutes, and add that work to whichever phase they meet.
   */
  static Path config(Path dir, int port, String databaseUrl, int capturePort) throws IOException {
    Path oncall = dir.resolve("oncall.yaml");
    Files.writeString(
        oncall,
        """
        people: [{ id: tessa, contacts: [{ type: webhook, url: "http://127.0.0.1:%d/tessa" }] }]
        schedules: [{ id: primary, timeZone: UTC, rotations: [{ start: "2026-01-01T00:00", every: 1w, people: [tessa] }] }]
        escalationPolicies: [{ id: default, steps: [{ targets: ["schedule:primary"], escalateAfter: 30m }] }]
        routes: [{ policy: default }]
        """
            .formatted(capturePort));
    Path config = dir.resolve("firebell.yaml");
    Files.writeString(
        config,
        """
        server: { port: %d, host: 127.0.0.1, publicUrl: "http://127.0.0.1:%d" }
        database: { url: "%s", username: "", password: "" }
        ingest: { bearerToken: "%s" }
        api: { tokens: ["%s"] }
        oncall: { file: "%s" }
        paging: { maxPagesPerPersonPerMinute: 1000000 }
        users: [{ username: %s, passwordHash: "%s", person: tessa }]
        """
            .formatted(
                port, port, databaseUrl, TOKEN, API, oncall, USER, Passwords.hash(PASSWORD, 4)));
    return config;
  }

  static void dropPostgres(String admin, String url) throws Exception {
    String name = url.substring(url.lastIndexOf('/') + 1).split("\\?", 2)[0];
    try (Connection connection = DriverManager.getConnection(admin);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  /** A fresh database on the server {@code admin} points at; returns its JDBC URL. */
  static String createPostgres(String admin) throws Exception {
    String name =
        "firebell_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(admin);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    int slash = admin.indexOf('/', "jdbc:postgresql://".length());
    int query = admin.indexOf('?', slash);
    return admin.substring(0, slash + 1) + name + (query < 0 ? "" : admin.substring(query));
  }
}
