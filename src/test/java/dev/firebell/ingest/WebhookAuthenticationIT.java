package dev.firebell.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.IngestConfig;
import dev.firebell.security.Hashing;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each way a sender can authenticate: good credentials pass, missing or wrong ones get 401. */
class WebhookAuthenticationIT {
  private static final String BODY = Fixtures.read("alertmanager-live/am-firing.json");
  private static final String SECRET = "grafana-hmac-secret";

  @Test
  void bearerToken() {
    try (TestApp app = TestApp.start(config(IngestConfig.bearer("s3cret-token")))) {
      assertRefused(app, Map.of());
      assertRefused(app, Map.of("Authorization", "Bearer wrong-token"));
      assertRefused(app, Map.of("Authorization", "Basic " + basic("user", "s3cret-token")));
      assertAccepted(app, Map.of("Authorization", "Bearer s3cret-token"));
    }
  }

  @Test
  void basicAuth() {
    IngestConfig ingest =
        new IngestConfig(null, new IngestConfig.BasicAuth("grafana", "pa55"), null, null, null);
    try (TestApp app = TestApp.start(config(ingest))) {
      assertRefused(app, Map.of());
      assertRefused(app, Map.of("Authorization", "Basic " + basic("grafana", "wrong")));
      assertRefused(app, Map.of("Authorization", "Basic not-base64!"));
      assertAccepted(app, Map.of("Authorization", "Basic " + basic("grafana", "pa55")));
    }
  }

  @Test
  void hmacSignatureOfTheBody() {
    IngestConfig ingest = hmac("");
    try (TestApp app = TestApp.start(config(ingest))) {
      assertRefused(app, Map.of());
      assertRefused(app, Map.of("X-Grafana-Alerting-Signature", sign(BODY + " ")));
      assertAccepted(app, Map.of("X-Grafana-Alerting-Signature", sign(BODY)));
    }
  }

  @Test
  void hmacSignatureWithTimestamp() {
    IngestConfig ingest = hmac("X-Grafana-Alerting-Timestamp");
    try (TestApp app = TestApp.start(config(ingest))) {
      String now = String.valueOf(app.clock.instant().getEpochSecond());
      String stale =
          String.valueOf(app.clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond());

      assertRefused(app, Map.of("X-Grafana-Alerting-Signature", sign(now + ":" + BODY)));
      assertRefused(
          app,
          Map.of(
              "X-Grafana-Alerting-Timestamp",
              stale,
              "X-Grafana-Alerting-Signature",
              sign(stale + ":" + BODY)));
      assertRefused(
          app,
          Map.of("X-Grafana-Alerting-Timestamp", now, "X-Grafana-Alerting-Signature", sign(BODY)));
      assertAccepted(
          app,
          Map.of(
              "X-Grafana-Alerting-Timestamp",
              now,
              "X-Grafana-Alerting-Signature",
              sign(now + ":" + BODY)));
    }
  }

  @Test
  void bearerAndHmacTogetherNeedBoth() {
    IngestConfig ingest =
        new IngestConfig(
            "token", null, new IngestConfig.Hmac(SECRET, null, null, null), null, null);
    try (TestApp app = TestApp.start(config(ingest))) {
      assertRefused(app, Map.of("Authorization", "Bearer token"));
      assertRefused(app, Map.of("X-Grafana-Alerting-Signature", sign(BODY)));
      assertAccepted(
          app, Map.of("Authorization", "Bearer token", "X-Grafana-Alerting-Signature", sign(BODY)));
    }
  }

  @Test
  void signatureMatchesGrafanasFormat() {
    // HMAC-SHA256("gkey", "1700000000:{\"a\":1}") as Grafana computes it, lowercase hex.
    assertThat(
            HexFormat.of()
                .formatHex(
                    Hashing.hmacSha256(
                        "gkey".getBytes(StandardCharsets.UTF_8),
                        "1700000000:{\"a\":1}".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("22fa362e179e150a7005766ee09f7a41a115d22c6499140a58c3eb23b8e70198");
  }

  private static dev.firebell.config.FirebellConfig config(IngestConfig ingest) {
    return ConfigBuilder.from(TestApp.defaultConfig()).withIngest(ingest).build();
  }

  private static IngestConfig hmac(String timestampHeader) {
    return new IngestConfig(
        null, null, new IngestConfig.Hmac(SECRET, null, timestampHeader, null), null, null);
  }

  private static void assertRefused(TestApp app, Map<String, String> headers) {
    Reply reply = post(app, headers);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    assertThat(reply.json().get("error").asText()).isNotBlank();
    assertThat(app.incidents("all")).isEmpty();
  }

  private static void assertAccepted(TestApp app, Map<String, String> headers) {
    Reply reply = post(app, headers);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(app.incidents("all")).hasSize(1);
  }

  private static Reply post(TestApp app, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app.url("/webhooks/alertmanager")))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY));
    headers.forEach(request::header);
    return TestApp.send(request);
  }

  private static String basic(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String sign(String text) {
    return HexFormat.of()
        .formatHex(
            Hashing.hmacSha256(
                SECRET.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8)));
  }
}
