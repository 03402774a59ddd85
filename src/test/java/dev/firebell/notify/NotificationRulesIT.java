package dev.firebell.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.ConfigLoader;
import dev.firebell.config.FirebellConfig;
import dev.firebell.config.OnCallSettings;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.paging.CaptureServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal notification rules through the real server on a controllable clock: push at once, a text
 * after 2 minutes and a call after 5 unless acknowledged; low urgency pushes only; queued pages
 * keep their contact across a reordering reload.
 */
class NotificationRulesIT {
  /** Tessa is on call around the clock; step 1 waits 10 minutes, so her rules play out alone. */
  private static final String ONCALL =
      """
      people:
        - id: tessa
          name: Tessa
          contacts:
      %2$s
          notify:
            high:
              - { contact: push }
              - { contact: text, after: 2m }
              - { contact: phone, after: 5m }
            low: [{ contact: push }]
        - { id: sam, name: Sam, contacts: [{ type: webhook, url: "%1$ssam" }] }
      schedules:
        - id: primary
          timeZone: Europe/Berlin
          rotations: [{ start: "2026-01-05T09:00", every: 1w, people: [tessa] }]
      escalationPolicies:
        - id: default
          steps:
            - { targets: ["schedule:primary"], escalateAfter: 10m }
            - { targets: ["person:sam"], escalateAfter: 10m }
      routes: [{ policy: default }]
      """;

  private static final String PUSH = "      - { id: push, type: webhook, url: \"%1$spush\" }";
  private static final String TEXT = "      - { id: text, type: webhook, url: \"%1$stext\" }";
  private static final String PHONE = "      - { id: phone, type: webhook, url: \"%1$sphone\" }";

  @TempDir Path dir;
  private final CaptureServer capture = new CaptureServer();
  private TestApp app;
  private Path file;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    capture.close();
  }

  @Test
  void eachContactIsPagedExactlyAtItsDelayAndTheTimelineSaysWhatIsToCome() throws IOException {
    start(PUSH, TEXT, PHONE);
    long id = openIncident();
    assertPages(1, 0, 0);
    assertThat(EscalationIT.texts(app.incident(id), "page.sent"))
        .containsExactly(
            "Paged Tessa (push (webhook); text (webhook) in 2m, phone (webhook) in 5m):"
                + " Step 1 of 2, schedule:primary");

    advance(Duration.ofMinutes(2).minusSeconds(1));
    assertPages(1, 0, 0);
    advance(Duration.ofSeconds(1));
    assertPages(1, 1, 0);
    advance(Duration.ofMinutes(3).minusSeconds(1));
    assertPages(1, 1, 0);
    advance(Duration.ofSeconds(1));
    assertPages(1, 1, 1);
    assertThat(EscalationIT.texts(app.incident(id), "page.delivered"))
        .containsExactly(
            "Page delivered to Tessa via webhook",
            "Page delivered to Tessa via webhook",
            "Page delivered to Tessa via webhook");
  }

  @Test
  void theOnCallApiListsContactsByIdAndTheRulesWithoutAddresses() throws IOException {
    start(PUSH, TEXT, PHONE);
    JsonNode tessa = app.getApi("/api/oncall").json().get("people").get(1);
    assertThat(tessa.get("id").asText()).isEqualTo("tessa");
    assertThat(tessa.get("contacts").toString())
        .isEqualTo(
            "[{\"id\":\"push\",\"type\":\"webhook\"},{\"id\":\"text\",\"type\":\"webhook\"},"
                + "{\"id\":\"phone\",\"type\":\"webhook\"}]");
    assertThat(tessa.get("notify").get("high").toString())
        .isEqualTo(
            "[{\"contact\":\"push\",\"after\":\"0s\"},{\"contact\":\"text\",\"after\":\"2m\"},"
                + "{\"contact\":\"phone\",\"after\":\"5m\"}]");
    assertThat(tessa.get("notify").get("low").get(0).get("contact").asText()).isEqualTo("push");
    assertThat(app.getApi("/api/oncall").json().get("people").get(0).get("notify").isNull())
        .isTrue();
  }

  @Test
  void anAcknowledgementCancelsWhatIsNotDueAndStatusUpdatesGoOnlyToContactsPaged()
      throws IOException {
    start(PUSH, TEXT, PHONE);
    long id = openIncident();
    advance(Duration.ofMinutes(3));
    assertPages(1, 1, 0);

    assertThat(action(id, "ack").status()).isEqualTo(200);
    app.runPaging();
    advance(Duration.ofHours(1));

    assertPages(2, 2, 0);
    assertThat(capture.json("/push").get(1).get("kind").asText()).isEqualTo("status-update");
    assertThat(capture.json("/text").get(1).get("status").asText()).isEqualTo("acknowledged");
    assertThat(capture.requests("/sam")).isEmpty();
  }

  @Test
  void lowUrgencyFollowsTheLowRules() throws IOException {
    start(PUSH, TEXT, PHONE);
    Reply declared =
        post(
            "/api/incidents",
            "{\"title\": \"Disk filling slowly\", \"severity\": \"SEV-4\", \"by\": \"sam\","
                + " \"person\": \"tessa\"}");
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    assertThat(declared.json().get("urgency").asText()).isEqualTo("low");
    app.runPaging();
    advance(Duration.ofMinutes(9));
    assertPages(1, 0, 0);
  }

  @Test
  void reorderingContactsAndReloadingLeavesAQueuedPageOnItsContact() throws IOException {
    start(PUSH, TEXT, PHONE);
    long id = openIncident();
    assertPages(1, 0, 0);

    write(PHONE, TEXT, PUSH); // reversed: by position the phone page would now go to push
    assertThat(post("/api/oncall/reload", "").status()).isEqualTo(200);
    advance(Duration.ofMinutes(5));
    assertPages(1, 1, 1);

    // A contact whose id is gone fails its queued page for good, and says why.
    long second = openIncident("second");
    write(PUSH, TEXT);
    Reply refused = post("/api/oncall/reload", "");
    assertThat(refused.status()).as("phone is still named by a rule").isEqualTo(422);
    Files.writeString(file, Files.readString(file).replace("- { contact: phone, after: 5m }", ""));
    assertThat(post("/api/oncall/reload", "").status()).isEqualTo(200);
    advance(Duration.ofMinutes(5));
    assertThat(capture.requests("/phone")).hasSize(1);
    assertThat(EscalationIT.texts(app.incident(second), "page.failed"))
        .containsExactly(
            "Page to Tessa via webhook failed after 1 attempt: contact 'phone' of tessa is no"
                + " longer configured");
  }

  private void start(String... contacts) throws IOException {
    file = dir.resolve("oncall.yaml");
    write(contacts);
    FirebellConfig config =
        ConfigBuilder.from(TestApp.defaultConfig())
            .withOnCall(new OnCallSettings(file.toString()))
            .build();
    app =
        TestApp.start(
            config, new ConfigLoader(Map.of()).loadOnCall(config, dir.resolve("firebell.yaml")));
  }

  private void write(String... contacts) throws IOException {
    String url = capture.url("/");
    Files.writeString(
        file, ONCALL.formatted(url, String.join("\n", List.of(contacts)).formatted(url)));
  }

  private long openIncident() {
    return openIncident("pizza-factory");
  }

  private long openIncident(String service) {
    long id =
        app.open(
            "/webhooks/alertmanager",
            Fixtures.read("alertmanager-live/am-firing.json").replace("pizza-factory", service));
    app.runPaging();
    return id;
  }

  private void advance(Duration duration) {
    app.clock.advance(duration);
    app.runPaging();
  }

  private void assertPages(int push, int text, int phone) {
    assertThat(capture.requests("/push")).as("push").hasSize(push);
    assertThat(capture.requests("/text")).as("text").hasSize(text);
    assertThat(capture.requests("/phone")).as("phone").hasSize(phone);
  }

  private Reply action(long id, String action) {
    return post("/api/incidents/" + id + "/" + action, "{\"by\": \"tessa\"}");
  }

  private Reply post(String path, String body) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
