package dev.firebell.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.OnCallSettings;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.paging.CaptureServer;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rota at runtime, through the real server: overrides from the API page whoever they put on
 * call, the on-call file reloads without a restart, and the calendar feeds show the shifts.
 */
class RuntimeRotaIT {
  /** Tessa on call in "primary" around the clock; sam is step 2. The test clock: 28 Nov 16:10Z. */
  private static final String ONCALL =
      """
      people:
        - { id: tessa, name: Tessa, contacts: [{ type: webhook, url: "%1$stessa" }] }
        - { id: sam, name: Sam, contacts: [{ type: webhook, url: "%1$ssam" }] }
      schedules:
        - id: primary
          timeZone: America/Denver
          rotations: [{ start: "2026-01-05T09:00", every: 1w, people: [%2$s] }]
      escalationPolicies:
        - id: default
          steps:
            - { targets: ["schedule:primary"], escalateAfter: 5m }
            - { targets: ["person:sam"], escalateAfter: 10m }
      routes: [{ policy: default }]
      """;

  @TempDir Path dir;
  private final CaptureServer capture = new CaptureServer();
  private TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    capture.close();
  }

  private Path start(String onCallPeople) throws IOException {
    Path file = dir.resolve("oncall.yaml");
    write(file, onCallPeople);
    app =
        TestApp.start(
            ConfigBuilder.from(TestApp.defaultConfig())
                .withOnCall(new OnCallSettings(file.toString()))
                .build(),
            new dev.firebell.config.ConfigLoader(java.util.Map.of())
                .loadOnCall(
                    ConfigBuilder.from(TestApp.defaultConfig())
                        .withOnCall(new OnCallSettings(file.toString()))
                        .build(),
                    dir.resolve("firebell.yaml")));
    return file;
  }

  private void write(Path file, String rotationPeople) throws IOException {
    Files.writeString(file, ONCALL.formatted(capture.url("/"), rotationPeople));
  }

  @Test
  void anOverrideFromTheApiPagesItsPersonAndTheTimelineSaysWhy() throws IOException {
    start("tessa");
    // Local wall-clock times are read in the schedule's zone: 09:00–11:00 Denver is 16:00–18:00Z.
    Reply added =
        post(
            "/api/schedules/primary/overrides",
            "{\"person\": \"sam\", \"from\": \"2026-11-28T09:00\", \"to\": \"2026-11-28T11:00\","
                + " \"reason\": \"Sam's child is sick\", \"by\": \"tessa\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    long overrideId = added.json().get("id").asLong();
    assertThat(added.json().get("from").asText()).isEqualTo("2026-11-28T16:00:00Z");
    assertThat(app.getApi("/api/schedules/primary/overrides").json().get("overrides")).hasSize(1);

    long incident = openIncident("covered");
    assertThat(capture.requests("/sam")).hasSize(1);
    assertThat(capture.requests("/tessa")).isEmpty();
    assertThat(EscalationIT.texts(app.incident(incident), "page.sent").get(0))
        .contains("Sam (webhook; on call through override #" + overrideId + " by tessa")
        .contains("Sam's child is sick");
    assertThat(onCallNow("/api/oncall")).containsExactly("sam");
    assertThat(onCallNow("/api/oncall?at=2026-11-28T18:00:00Z")).containsExactly("tessa");

    assertThat(delete("/api/schedules/primary/overrides/" + overrideId).status()).isEqualTo(204);
    assertThat(delete("/api/schedules/primary/overrides/" + overrideId).status()).isEqualTo(404);
    openIncident("uncovered");
    assertThat(capture.requests("/tessa")).hasSize(1);
  }

  @Test
  void replacesTakesOnlyThatPersonsTime() throws IOException {
    start("tessa");
    String window = "\"from\": \"2026-11-28T16:00:00Z\", \"to\": \"2026-11-28T18:00:00Z\"";
    assertThat(
            post(
                    "/api/schedules/primary/overrides",
                    "{\"person\": \"sam\", \"replaces\": \"tessa\", " + window + "}")
                .status())
        .isEqualTo(201);
    openIncident("swapped");
    assertThat(capture.requests("/sam")).hasSize(1);
    assertThat(capture.requests("/tessa")).isEmpty();
  }

  @Test
  void anOverlappingOverrideIsRefusedNamingTheOneItOverlaps() throws IOException {
    start("tessa");
    String path = "/api/schedules/primary/overrides";
    Reply first =
        post(
            path,
            "{\"person\": \"sam\", \"from\": \"2026-11-28T16:00:00Z\","
                + " \"to\": \"2026-11-28T18:00:00Z\", \"by\": \"tessa\"}");
    long id = first.json().get("id").asLong();
    Reply overlapping =
        post(
            path,
            "{\"person\": \"tessa\", \"from\": \"2026-11-28T17:00:00Z\","
                + " \"to\": \"2026-11-28T19:00:00Z\"}");
    assertThat(overlapping.status()).as(overlapping.body()).isEqualTo(409);
    assertThat(overlapping.json().get("error").asText()).contains("override #" + id);
    assertThat(
            post(
                    path,
                    "{\"person\": \"tessa\", \"replaces\": \"sam\", \"from\":"
                        + " \"2026-11-28T17:00:00Z\", \"to\": \"2026-11-28T19:00:00Z\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            post(
                    path,
                    "{\"person\": \"tessa\", \"from\": \"2026-11-28T18:00:00Z\","
                        + " \"to\": \"2026-11-28T19:00:00Z\"}")
                .status())
        .as("touching, not overlapping")
        .isEqualTo(201);
  }

  @Test
  void aRequestForCoverListsWhomItAsksAndCanBeWithdrawn() throws IOException {
    start("tessa, sam");
    String path = "/api/schedules/primary/swaps";
    Reply requested =
        post(
            path,
            "{\"requester\": \"tessa\", \"from\": \"2026-11-28T17:00:00Z\","
                + " \"to\": \"2026-11-28T19:00:00Z\"}");
    assertThat(requested.status()).as(requested.body()).isEqualTo(201);
    long id = requested.json().get("id").asLong();
    assertThat(app.getApi(path).json().get("swaps").get(0).get("asked").toString())
        .isEqualTo(requested.json().get("asked").toString())
        .isEqualTo("[\"sam\"]");

    assertThat(delete(path + "/" + id).status()).isEqualTo(204);
    assertThat(app.getApi(path).json().get("swaps")).isEmpty();
    assertThat(delete(path + "/" + id).status()).isEqualTo(404);
    app.runPaging();
    assertThat(capture.json("/sam").stream().map(JsonNode::toString))
        .anyMatch(notice -> notice.contains("no longer needs cover"));
  }

  @Test
  void badOverridesAreRefusedNamingTheField() throws IOException {
    start("tessa");
    String path = "/api/schedules/primary/overrides";
    String window = "\"from\": \"2026-11-28T16:00:00Z\", \"to\": \"2026-11-28T18:00:00Z\"";
    assertField(post(path, "{\"person\": \"nobody\", " + window + "}"), "person");
    assertField(post(path, "{" + window + "}"), "person");
    assertField(
        post("/api/schedules/nope/overrides", "{\"person\": \"sam\", " + window + "}"), "schedule");
    assertField(
        post(path, "{\"person\": \"sam\", \"replaces\": \"ghost\", " + window + "}"), "replaces");
    assertField(
        post(
            path,
            "{\"person\": \"sam\", \"from\": \"2026-11-28T18:00:00Z\", \"to\": \"2026-11-28T16:00:00Z\"}"),
        "to");
    assertField(
        post(
            path,
            "{\"person\": \"sam\", \"from\": \"2026-11-27T10:00:00Z\", \"to\": \"2026-11-27T12:00:00Z\"}"),
        "to");
    assertField(
        post(
            path,
            "{\"person\": \"sam\", \"from\": \"2027-12-27T10:00:00Z\", \"to\": \"2027-12-28T12:00:00Z\"}"),
        "to");
    assertField(
        post(
            path,
            "{\"person\": \"sam\", \"from\": \"tomorrow\", \"to\": \"2026-11-28T18:00:00Z\"}"),
        "from");
    assertField(post(path, "{\"person\": \"sam\", \"at\": \"x\", " + window + "}"), "at");
    assertThat(app.getApi("/api/schedules/nope/overrides").status()).isEqualTo(404);
    assertThat(app.getApi("/api/schedules/primary/overrides").json().get("overrides")).isEmpty();
    assertField(app.getApi("/api/oncall?at=yesterday"), "at");
  }

  @Test
  void aValidReloadTakesEffectAtOnceAndAnInvalidOneKeepsTheRunningRota() throws IOException {
    Path file = start("tessa");
    write(file, "sam");
    Reply reloaded = post("/api/oncall/reload", "");
    assertThat(reloaded.status()).as(reloaded.body()).isEqualTo(200);
    assertThat(reloaded.json().get("people").asInt()).isEqualTo(2);
    assertThat(reloaded.json().get("schedules").asInt()).isEqualTo(1);
    openIncident("after-reload");
    assertThat(capture.requests("/sam")).hasSize(1);

    Files.writeString(file, Files.readString(file).replace("people: [sam]", "people: [ghost]"));
    Reply refused = post("/api/oncall/reload", "");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("error").asText())
        .contains(file.toString())
        .contains("schedules[0].rotations[0].people[0]")
        .contains("ghost");
    assertThat(onCallNow("/api/oncall")).containsExactly("sam");
    String metrics = app.getApi("/metrics").body();
    assertThat(metrics)
        .contains("firebell_oncall_reloads_total{outcome=\"applied\"} 1.0")
        .contains("firebell_oncall_reloads_total{outcome=\"refused\"} 1.0");
  }

  @Test
  void aRunningEscalationFollowsItsPolicyAsReloadedAndEndsWhenItIsGone() throws IOException {
    Path file = start("tessa");
    long incident = openIncident("running");
    assertThat(capture.requests("/tessa")).hasSize(1);
    Files.writeString(file, Files.readString(file).replace("person:sam", "person:tessa"));
    assertThat(post("/api/oncall/reload", "").status()).isEqualTo(200);
    app.clock.advance(Duration.ofMinutes(5));
    app.runPaging();
    assertThat(capture.requests("/tessa")).as("step 2 now pages tessa").hasSize(2);
    assertThat(capture.requests("/sam")).isEmpty();

    Files.writeString(
        file,
        Files.readString(file)
            .replace("id: default", "id: renamed")
            .replace("policy: default", "policy: renamed"));
    assertThat(post("/api/oncall/reload", "").status()).isEqualTo(200);
    app.clock.advance(Duration.ofMinutes(10));
    app.runPaging();
    assertThat(capture.requests("/tessa")).hasSize(2);
    assertThat(EscalationIT.texts(app.incident(incident), "escalation.exhausted"))
        .containsExactly("Escalation ended: policy 'default' is no longer configured");
  }

  @Test
  void calendarFeedsListShiftsWithOverridesAndRefuseForgedTokens() throws Exception {
    start("tessa");
    post(
        "/api/schedules/primary/overrides",
        "{\"person\": \"sam\", \"from\": \"2026-12-01T16:00:00Z\", \"to\": \"2026-12-02T16:00:00Z\"}");
    JsonNode oncall = app.getApi("/api/oncall").json();
    String scheduleFeed = oncall.get("schedules").get(0).get("calendarUrl").asText();
    String samFeed = oncall.get("people").findValues("calendarUrl").get(0).asText();
    assertThat(scheduleFeed).startsWith("http://localhost:8080/calendar/").endsWith(".ics");

    Reply feed = get(scheduleFeed);
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.header("Content-Type")).startsWith("text/calendar");
    List<VEvent> events = events(feed.body());
    assertThat(events).isNotEmpty();
    assertThat(events)
        .anySatisfy(e -> assertThat(e.getSummary().getValue()).isEqualTo("On call: Sam (primary)"));

    JsonNode sam =
        java.util.stream.StreamSupport.stream(oncall.get("people").spliterator(), false)
            .filter(p -> p.get("id").asText().equals("sam"))
            .findFirst()
            .orElseThrow();
    List<VEvent> samShifts = events(get(sam.get("calendarUrl").asText()).body());
    assertThat(samShifts).hasSize(1);
    assertThat(samShifts.get(0).getSummary().getValue()).isEqualTo("On call: primary");
    assertThat(samFeed).isNotBlank();

    String forged = scheduleFeed.replace(".ics", "x.ics");
    assertThat(get(forged).status()).isEqualTo(404);
  }

  private static List<VEvent> events(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    return calendar.getComponents("VEVENT");
  }

  private Reply get(String publicUrl) {
    return TestApp.send(
        HttpRequest.newBuilder(
            URI.create(publicUrl.replace("http://localhost:8080", app.url("")))));
  }

  private List<String> onCallNow(String path) {
    return app.getApi(path).json().get("schedules").get(0).get("onCall").findValuesAsText("id");
  }

  private long openIncident(String service) {
    long id =
        app.open(
            "/webhooks/alertmanager",
            Fixtures.read("alertmanager-live/am-firing.json").replace("pizza-factory", service));
    app.runPaging();
    return id;
  }

  private Reply post(String path, String body) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Reply delete(String path) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .DELETE());
  }

  private static void assertField(Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("field").asText()).as(reply.body()).isEqualTo(field);
  }
}
