package dev.firebell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.ApiConfig;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.ConfigLoader;
import dev.firebell.config.DatabaseConfig;
import dev.firebell.config.FirebellConfig;
import dev.firebell.config.IngestConfig;
import dev.firebell.config.ServerConfig;
import dev.firebell.config.UserConfig;
import dev.firebell.oncall.OnCall;
import dev.firebell.security.Passwords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The real server on a random port with its own fresh database, plus an HTTP client that speaks to
 * it the way Grafana and the API's users do.
 */
public final class TestApp implements AutoCloseable {
  public static final String INGEST_TOKEN = "test-ingest-token";
  public static final String API_TOKEN = "test-api-token";
  public static final String USER = "tessa";
  public static final String PASSWORD = "correct horse battery";

  /** bcrypt at the lowest cost, so tests log in fast. */
  private static final String PASSWORD_HASH = Passwords.hash(PASSWORD, 4);

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = dev.firebell.json.Json.mapper();

  public final MutableClock clock;
  private final App app;

  private TestApp(App app, MutableClock clock) {
    this.app = app;
    this.clock = clock;
  }

  /** Port 0, a fresh in-memory H2, bearer-token ingest and one API token. */
  public static FirebellConfig defaultConfig() {
    return ConfigBuilder.from(FirebellConfig.defaults())
        .withServer(new ServerConfig(0, "127.0.0.1", "http://localhost:8080"))
        .withDatabase(freshDatabase())
        .withIngest(IngestConfig.bearer(INGEST_TOKEN))
        .withApi(ApiConfig.token(API_TOKEN))
        .withUsers(List.of(new UserConfig(USER, PASSWORD_HASH, "tessa")))
        .build();
  }

  public static DatabaseConfig freshDatabase() {
    return TestDatabases.fresh();
  }

  public static TestApp start() {
    return start(defaultConfig());
  }

  public static TestApp start(FirebellConfig config) {
    return start(config, OnCall.empty());
  }

  /** Paging runs only when a test says so ({@link #runPaging()}): the background loop is off. */
  public static TestApp start(FirebellConfig config, OnCall oncall) {
    TestApp app = startLive(config, oncall);
    app.stopBackgroundWork();
    return app;
  }

  /** As {@link #start(FirebellConfig, OnCall)}, with every query through {@code wrapper}. */
  public static TestApp start(
      FirebellConfig config, OnCall oncall, UnaryOperator<DataSource> wrapper) {
    MutableClock clock = MutableClock.at("2026-11-28T16:10:00Z");
    TestApp app = new TestApp(App.start(config, oncall, source(config), clock, wrapper), clock);
    app.stopBackgroundWork();
    return app;
  }

  /** As {@link #start(FirebellConfig, OnCall)}, on a clock shared with other instances. */
  public static TestApp start(FirebellConfig config, OnCall oncall, MutableClock clock) {
    TestApp app = startLive(config, oncall, clock);
    app.stopBackgroundWork();
    return app;
  }

  /** Paging runs by itself, as in production, on the test clock. */
  public static TestApp startLive(FirebellConfig config, OnCall oncall) {
    return startLive(config, oncall, MutableClock.at("2026-11-28T16:10:00Z"));
  }

  /** As {@link #startLive(FirebellConfig, OnCall)}, on a clock shared with other instances. */
  public static TestApp startLive(FirebellConfig config, OnCall oncall, MutableClock clock) {
    return new TestApp(
        App.start(config, oncall, source(config), clock, UnaryOperator.identity()), clock);
  }

  /**
   * A reload reads {@code oncall.file} again, relative to a firebell.yaml in the working folder.
   */
  private static Supplier<OnCall> source(FirebellConfig config) {
    return new ConfigLoader(System.getenv()).onCallSource(config, Path.of("firebell.yaml"));
  }

  /** Nothing runs by itself: tests run paging passes and Telegram polls by hand. */
  private void stopBackgroundWork() {
    app.paging().scheduler().close();
    app.followUps().telegram().close();
  }

  /** One paging pass at the test clock's time, waiting for the sends to finish. */
  public void runPaging() {
    app.paging().scheduler().escalate();
    app.paging().outbox().deliverDue(clock.instant());
  }

  public App app() {
    return app;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  /** Posts a body to a webhook path as Grafana would, with the ingest token. */
  public Reply postWebhook(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + INGEST_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts a webhook that must open an incident; returns the incident's id. */
  public long open(String path, String body) {
    Reply reply = postWebhook(path, body);
    if (reply.status() != 200 || !reply.json().has("incidentId")) {
      throw new AssertionError("POST " + path + ": " + reply);
    }
    return reply.json().get("incidentId").asLong();
  }

  public Reply getApi(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + API_TOKEN)
            .GET());
  }

  public JsonNode incident(long id) {
    Reply reply = getApi("/api/incidents/" + id);
    if (reply.status() != 200) {
      throw new AssertionError("GET incident " + id + ": " + reply);
    }
    return reply.json();
  }

  public JsonNode incidents(String status) {
    return getApi("/api/incidents?status=" + status).json().get("incidents");
  }

  public static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.close();
  }

  /** A response, with its body parsed as JSON on demand. */
  public record Reply(int status, String body, HttpResponse<String> response) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
