package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.TestDatabases;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.DatabaseConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running Firebell: webhooks get 503 with Retry-After (so Grafana
 * and Alertmanager retry), /readyz fails, nothing is half-written, and service resumes by itself
 * when the database returns.
 */
class DatabaseOutageIT {

  @Test
  void webhooksGet503WhileTheDatabaseIsGoneAndServiceResumes() throws Exception {
    DatabaseConfig database = TestDatabases.freshPostgres();
    String name = database.url().replaceAll(".*/([^/?]+).*", "$1");
    try (TestApp app =
        TestApp.start(ConfigBuilder.from(TestApp.defaultConfig()).withDatabase(database).build())) {
      Reply first =
          app.postWebhook(
              "/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
      assertThat(first.status()).isEqualTo(200);

      admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
      admin(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
      try {
        String group = Fixtures.read("captured/grafana-unified/alert-9.json");
        Reply refused = app.postWebhook("/webhooks/grafana", group);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.json().get("error").asText()).contains("database");
        assertThat(status(app, "/readyz")).isEqualTo(503);
        assertThat(status(app, "/healthz")).isEqualTo(503);
      } finally {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
      }

      awaitReady(app);
      assertThat(app.incidents("all")).as("nothing from the refused delivery").hasSize(1);
      Reply retried =
          app.postWebhook(
              "/webhooks/grafana", Fixtures.read("captured/grafana-unified/alert-9.json"));
      assertThat(retried.status()).isEqualTo(200);
      assertThat(app.incidents("all")).hasSize(2);
    }
  }

  /** Service resumes by itself: no restart, only the pool reconnecting. */
  private static void awaitReady(TestApp app) throws InterruptedException {
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
    while (status(app, "/readyz") != 200 && java.time.Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(status(app, "/readyz")).isEqualTo(200);
  }

  private static int status(TestApp app, String path) {
    return TestApp.send(HttpRequest.newBuilder(URI.create(app.url(path)))).status();
  }

  private static void admin(String sql) throws SQLException {
    String url =
        System.getenv()
            .getOrDefault(
                "FIREBELL_TEST_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
