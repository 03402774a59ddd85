package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.Fixtures;
import dev.firebell.Payloads;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.ConfigException;
import dev.firebell.config.PostmortemConfig;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingTeam;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole incidents replayed on a controlled clock, and the drafts they give. */
class PostmortemIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** When the live fixture's alert fires again, two hours after its first episode. */
  private static final String LATER = "2026-11-28T18:05:00Z";

  private CaptureServer capture;

  @BeforeEach
  void start() {
    capture = new CaptureServer();
  }

  @AfterEach
  void stop() {
    capture.close();
  }

  @Test
  void aWholeIncidentGivesTheGoldenDraft() throws IOException {
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      long id = open(app, Fixtures.read("alertmanager-live/am-firing.json"));
      app.runPaging(); // 16:10 Tessa is paged

      app.clock.advance(Duration.ofMinutes(7)); // 16:17 she acknowledges from her phone
      String ackUrl = capture.json("/tessa").get(0).get("ackUrl").asText();
      assertThat(post(app, ackUrl, "").status()).isEqualTo(200);

      app.clock.advance(Duration.ofMinutes(3)); // 16:20 she writes down what she did at 16:12
      assertThat(
              api(
                      app,
                      "POST",
                      "/api/incidents/" + id + "/notes",
                      "{\"by\": \"tessa\", \"text\": \"Checked the **pizza factory** logs\", \"at\": \"2026-11-28T16:12:00Z\"}")
                  .status())
          .isEqualTo(201);

      app.clock.advance(Duration.ofMinutes(10)); // 16:30 Sam fills in what people know
      Reply edit =
          api(
              app,
              "PATCH",
              "/api/incidents/" + id,
              """
              {"by": "sam",
               "rootCause": "An expired certificate broke the factory's order endpoint.",
               "resolution": "Rotated the certificate and restarted the factory.",
               "impact": {"usersAffected": 20, "usersAffectedPercent": 100, "supportCases": 3, "errorCount": 20},
               "actionItems": [{"text": "Alert on certificate expiry", "owner": "tessa", "due": "2026-12-15"}]}
              """);
      assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
      assertThat(edit.json().get("changed")).hasSize(4);

      app.clock.advance(Duration.ofMinutes(25)); // 16:55 the alert resolves (it ended 16:54)
      app.postWebhook(
          "/webhooks/alertmanager",
          resolvedAt(Fixtures.read("alertmanager-live/am-resolved.json"), "2026-11-28T16:54:00Z"));

      Reply draft = app.getApi("/api/incidents/" + id + "/postmortem");
      assertThat(draft.status()).isEqualTo(200);
      assertThat(draft.header("Content-Type")).startsWith("text/markdown");
      // To accept a deliberate change, copy this file over the golden one.
      Files.writeString(Path.of("target/pizza-factory.actual.md"), draft.body());
      assertThat(draft.body()).isEqualTo(golden("pizza-factory.md"));

      JsonNode json = app.getApi("/api/incidents/" + id + "/postmortem?format=json").json();
      assertThat(json.get("incidentTime").asText()).isEqualTo("2026-11-28 16-07-35");
      assertThat(json.get("sections")).hasSize(9);
      assertThat(json.get("sections").get(0).get("title").asText()).isEqualTo("Summary");
      assertThat(json.get("markdown").asText()).isEqualTo(draft.body());
    }
  }

  @Test
  void anOpenIncidentSaysSoOnItsFirstLine() {
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      long id = open(app, Fixtures.read("alertmanager-live/am-firing.json"));
      String draft = app.getApi("/api/incidents/" + id + "/postmortem").body();
      assertThat(draft.lines().findFirst().orElseThrow())
          .isEqualTo(
              "> **Draft for an open incident:** incident #"
                  + id
                  + " is still triggered; the facts below will change.");
      assertThat(draft)
          .contains("(2 minutes so far; still open)")
          .contains("## Root cause\n\n> [!NOTE]");
    }
  }

  @Test
  void aStormIncidentListsItsFirstInstancesAndCountsTheRest() {
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      long id = open(app, Payloads.manyAlerts(0, 30));
      String draft = app.getApi("/api/incidents/" + id + "/postmortem").body();
      assertThat(draft)
          .contains("Alert instances (30):")
          .contains("- … and 10 more instances (listed on the incident page)")
          .contains("- Alert instances: 30");
      String summary = draft.substring(draft.indexOf("Alert instances (30):"));
      summary = summary.substring(0, summary.indexOf("\n## "));
      assertThat(summary.lines().filter(line -> line.contains("instance=10.0.0.")).count())
          .as("instances listed in the summary")
          .isEqualTo(20);
    }
  }

  @Test
  void anIncidentAcrossMidnightShowsBothDates() throws IOException {
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      app.clock.set(Instant.parse("2026-11-28T23:50:00Z"));
      long id =
          open(
              app,
              startsAt(Fixtures.read("alertmanager-live/am-firing.json"), "2026-11-28T23:45:00Z"));
      app.clock.set(Instant.parse("2026-11-29T00:21:00Z"));
      app.postWebhook(
          "/webhooks/alertmanager",
          resolvedAt(
              startsAt(Fixtures.read("alertmanager-live/am-resolved.json"), "2026-11-28T23:45:00Z"),
              "2026-11-29T00:20:00Z"));

      String draft = app.getApi("/api/incidents/" + id + "/postmortem").body();
      assertThat(draft)
          .startsWith("# Incident: 2026-11-28 23-45-00")
          .contains(
              "Between 23:45 UTC on November 28, 2026 and 00:20 UTC on November 29, 2026 (35 minutes)")
          .contains("**November 28, 2026**\n\n- _23:45_ - PizzaFailureSpike fired")
          .contains("**November 29, 2026**\n\n- _00:20_ - PizzaFailureSpike resolved");
    }
  }

  @Test
  void preventionListsEarlierIncidentsOfTheSameRule() throws IOException {
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      String again = startsAt(Fixtures.read("alertmanager-live/am-firing.json"), LATER);
      Episodes episodes = resolvedThenOpened(app, again);

      assertThat(episodes.secondDraft(app))
          .contains(
              episodes.firstListed()
                  + "Pizza order failures are spiking on 127.0.0.1:38109): 12 minutes, resolved automatically");
    }
  }

  /**
   * The group's earlier incidents are found through each incident's predecessor, not an index by
   * group: one the rule renamed since (so no alert-name match) is still listed.
   */
  @Test
  void preventionListsEarlierIncidentsOfTheSameGroupUnderARenamedRule() throws IOException {
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      String again =
          renamed(
              startsAt(Fixtures.read("alertmanager-live/am-firing.json"), LATER),
              "PizzaOrdersFailing");
      Episodes episodes = resolvedThenOpened(app, again);

      assertThat(episodes.secondDraft(app)).contains(episodes.firstListed());
    }
  }

  /** Two incidents of one alert group, the first resolved before the second opened. */
  private record Episodes(long first, long second) {
    String secondDraft(TestApp app) {
      return app.getApi("/api/incidents/" + second + "/postmortem").body();
    }

    /** The start of the first incident's line in the second's Prevention section. */
    String firstListed() {
      return "## Prevention\n\nEarlier incidents of the same alert rule or alert group:\n\n- #"
          + first
          + " on November 28, 2026 (SEV-1, PizzaFailureSpike: ";
    }
  }

  /** Opens and resolves the live fixture's incident, then two hours later opens {@code again}. */
  private static Episodes resolvedThenOpened(TestApp app, String again) throws IOException {
    long first = open(app, Fixtures.read("alertmanager-live/am-firing.json"));
    app.postWebhook(
        "/webhooks/alertmanager",
        resolvedAt(Fixtures.read("alertmanager-live/am-resolved.json"), "2026-11-28T16:19:35Z"));
    app.clock.advance(Duration.ofHours(2));
    return new Episodes(first, open(app, again));
  }

  @Test
  void markdownInAlertTextCannotBreakTheDocument() throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.read("alertmanager-live/am-firing.json"));
    String hostile =
        "**bold** _x_ `code`\n## Not a heading\n- not a list [link](javascript:alert(1)) | a | table |";
    ((ObjectNode) body.get("alerts").get(0).get("annotations")).put("summary", hostile);
    ((ObjectNode) body.get("commonAnnotations")).put("summary", hostile);
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      long id = open(app, JSON.writeValueAsString(body));
      String draft = app.getApi("/api/incidents/" + id + "/postmortem").body();

      assertThat(draft.lines().filter(line -> line.startsWith("## "))).hasSize(9);
      assertThat(draft.lines().filter(line -> line.startsWith("- not a list"))).isEmpty();
      assertThat(draft)
          .doesNotContain("[link](javascript")
          .contains("\\[link\\](javascript:alert(1))");
      assertThat(draft).contains("\\*\\*bold\\*\\*");
    }
  }

  @Test
  void aTeamsOwnTemplateIsUsed(@TempDir Path dir) throws IOException {
    Path template = dir.resolve("ours.md.mustache");
    Files.writeString(
        template,
        "# Postmortem {{incidentId}} ({{incidentTime}})\n{{#sections}}\n### {{title}}\n{{#known}}{{body}}{{/known}}{{^known}}TBD{{/known}}\n{{/sections}}\n");
    try (TestApp app =
        TestApp.start(
            ConfigBuilder.from(TestApp.defaultConfig())
                .withPostmortem(new PostmortemConfig(template.toString(), false))
                .build(),
            PagingTeam.of(capture))) {
      long id = open(app, Fixtures.read("alertmanager-live/am-firing.json"));
      String draft = app.getApi("/api/incidents/" + id + "/postmortem").body();
      assertThat(draft)
          .startsWith("# Postmortem " + id + " (2026-11-28 16-07-35)\n### Summary\n")
          .contains("### Root cause\nTBD");
    }
  }

  @Test
  void aBrokenTemplateStopsStartUpNamingTheLine(@TempDir Path dir) throws IOException {
    Path template = dir.resolve("broken.md.mustache");
    Files.writeString(template, "# Incident\n\n{{#sections}}\n## {{title}}\n");
    PostmortemConfig config = new PostmortemConfig(template.toString(), false);
    assertThatThrownBy(() -> PostmortemTemplate.load(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(template + ": postmortem template does not parse")
        .hasMessageContaining(":3");
  }

  @Test
  void notesAndEditsRefuseBadInput() {
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      long id = open(app, Fixtures.read("alertmanager-live/am-firing.json"));
      String path = "/api/incidents/" + id;
      assertField(api(app, "POST", path + "/notes", "{\"by\": \"tessa\"}"), "text");
      assertField(api(app, "POST", path + "/notes", "{\"text\": \"x\", \"by\": \"bob\"}"), "by");
      assertField(
          api(
              app,
              "POST",
              path + "/notes",
              "{\"text\": \"x\", \"by\": \"tessa\", \"at\": \"yesterday\"}"),
          "at");
      assertField(
          api(app, "PATCH", path, "{\"by\": \"tessa\", \"rootcause\": \"typo\"}"), "rootcause");
      assertField(
          api(app, "PATCH", path, "{\"by\": \"tessa\", \"impact\": {\"usersAffected\": \"many\"}}"),
          "impact.usersAffected");
      assertField(
          api(app, "PATCH", path, "{\"by\": \"tessa\", \"actionItems\": [{\"owner\": \"sam\"}]}"),
          "actionItems[0].text");
      assertField(
          api(
              app,
              "PATCH",
              path,
              "{\"by\": \"tessa\", \"actionItems\": [{\"text\": \"x\", \"due\": \"soon\"}]}"),
          "actionItems[0].due");
      assertField(
          api(app, "PATCH", path, "{\"by\": \"tessa\", \"severity\": \"SEV-9\"}"), "severity");
      assertField(api(app, "PATCH", path, "{\"by\": \"tessa\", \"title\": 42}"), "title");
      assertThat(
              api(app, "PATCH", "/api/incidents/999", "{\"by\": \"tessa\", \"title\": \"x\"}")
                  .status())
          .isEqualTo(404);
      assertThat(app.incident(id).get("rootCause").isNull()).isTrue();
      assertThat(app.incident(id).get("timeline").toString())
          .doesNotContain("field.changed")
          .doesNotContain("\"note\"");
    }
  }

  @Test
  void editsAreStampedWithWhoChangedWhat() {
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      long id = open(app, Fixtures.read("alertmanager-live/am-firing.json"));
      Reply reply =
          api(
              app,
              "PATCH",
              "/api/incidents/" + id,
              "{\"by\": \"sam\", \"severity\": \"SEV-2\", \"title\": \"Pizza orders failing\", \"summary\": null}");
      assertThat(reply.json().get("changed").toString()).isEqualTo("[\"title\",\"severity\"]");
      JsonNode incident = app.incident(id);
      assertThat(incident.get("severity").asText()).isEqualTo("SEV-2");
      assertThat(incident.get("timeline").toString())
          .contains("Severity changed by Sam from SEV-1 to SEV-2")
          .contains("Title changed by Sam to \\\"Pizza orders failing\\\"");
    }
  }

  /**
   * Alertmanager's queue drains a week after an outage: the incident opens and resolves on the same
   * day a week late. Durations run from the alert's start, so nothing is negative and Prevention
   * states the real 9 minutes when the alert fires again.
   */
  @Test
  void aDeliveryAWeekLateKeepsTheRealDurations() throws IOException {
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      app.clock.advance(Duration.ofDays(7));
      long late = open(app, Fixtures.read("alertmanager-live/am-firing.json"));
      app.postWebhook(
          "/webhooks/alertmanager",
          resolvedAt(Fixtures.read("alertmanager-live/am-resolved.json"), "2026-11-28T16:16:35Z"));
      JsonNode incident = app.incident(late);
      assertThat(incident.get("startedAt").asText()).isEqualTo("2026-11-28T16:07:35.577Z");
      assertThat(incident.get("openedAt").asText()).isEqualTo("2026-12-05T16:10:00Z");
      assertThat(incident.get("resolvedAt").asText()).isEqualTo("2026-11-28T16:16:35Z");
      String first = app.getApi("/api/incidents/" + late + "/postmortem").body();
      assertThat(first).contains("(9 minutes)").doesNotContainPattern("-\\d+ minutes");

      long refired =
          open(
              app,
              startsAt(Fixtures.read("alertmanager-live/am-firing.json"), "2026-12-05T16:05:00Z"));
      String second = app.getApi("/api/incidents/" + refired + "/postmortem").body();
      assertThat(second)
          .contains("- #" + late + " on November 28, 2026 (SEV-1, ")
          .contains("): 9 minutes, resolved automatically")
          .doesNotContainPattern("-\\d+ minutes");
      assertThat(app.incident(refired).get("startedAt").asText()).isEqualTo("2026-12-05T16:05:00Z");
    }
  }

  /**
   * A Grafana spike that resolves: the postmortem states the value it fired with (B=20), and the
   * highest one a repeat reported, not the resolved notification's B=0, and links the dashboard.
   */
  @Test
  void aResolvedGrafanaSpikeShowsItsFiringValuesAndDashboard() throws IOException {
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      String fixture = Fixtures.read("captured/grafana-unified/alert_values_v11.json");
      Reply opened = app.postWebhook("/webhooks/grafana", withValues(fixture, "firing", 20, 1));
      long id = opened.json().get("incidentId").asLong();
      app.clock.advance(Duration.ofMinutes(4));
      Reply higher = app.postWebhook("/webhooks/grafana", withValues(fixture, "firing", 35, 1));
      assertThat(higher.json().get("outcome").asText()).isEqualTo("updated");
      app.clock.advance(Duration.ofMinutes(6));
      app.postWebhook("/webhooks/grafana", withValues(fixture, "resolved", 0, 0));
      assertThat(app.incident(id).get("status").asText()).isEqualTo("resolved");

      Reply draft = app.getApi("/api/incidents/" + id + "/postmortem");
      Files.writeString(Path.of("target/grafana-spike.actual.md"), draft.body());
      assertThat(draft.body()).isEqualTo(golden("grafana-spike.md"));
      assertThat(draft.body())
          .contains("B=20")
          .contains("; highest B=35)")
          .contains(
              "[dashboard](https://play.grafana.org/d/ece9fb32-7f71-4be9-bd94-2f23608ae5b9?orgId=1)")
          .doesNotContain("B=0, C=0");
    }
  }

  @Test
  void alertsTheSenderLeftOutAreCountedInThePostmortem() throws IOException {
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      ObjectNode body =
          (ObjectNode) JSON.readTree(Fixtures.read("alertmanager-live/am-firing.json"));
      body.put("truncatedAlerts", 9000);
      long id = open(app, JSON.writeValueAsString(body));
      assertThat(app.incident(id).get("truncatedAlerts").asInt()).isEqualTo(9000);
      assertThat(app.getApi("/api/incidents/" + id + "/postmortem").body())
          .contains("… and 9000 more not sent by Alertmanager");
    }
  }

  /** Grafana's capture with other values, firing since 16:09 or resolved at 16:19. */
  private static String withValues(String body, String status, int b, int c) throws IOException {
    ObjectNode tree = (ObjectNode) JSON.readTree(body);
    tree.put("status", status);
    ObjectNode alert = (ObjectNode) tree.get("alerts").get(0);
    alert.put("status", status);
    alert.withObject("values").put("B", b).put("C", c);
    alert.put("startsAt", "2026-11-28T16:09:00Z");
    alert.put(
        "endsAt", status.equals("resolved") ? "2026-11-28T16:19:00Z" : "0001-01-01T00:00:00Z");
    return JSON.writeValueAsString(tree);
  }

  private static void assertField(Reply reply, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.json().get("field").asText()).isEqualTo(field);
  }

  private static long open(TestApp app, String body) {
    Reply reply = app.postWebhook("/webhooks/alertmanager", body);
    assertThat(reply.json().get("outcome").asText()).as(reply.toString()).isEqualTo("opened");
    return reply.json().get("incidentId").asLong();
  }

  private static Reply api(TestApp app, String method, String path, String body) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Reply post(TestApp app, String publicUrl, String body) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(publicUrl.replace("http://localhost:8080", app.url(""))))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The same notification with the alert ending at another time. */
  private static String resolvedAt(String body, String endsAt) throws IOException {
    JsonNode tree = JSON.readTree(body);
    tree.get("alerts").forEach(alert -> ((ObjectNode) alert).put("endsAt", endsAt));
    return JSON.writeValueAsString(tree);
  }

  private static String startsAt(String body, String startsAt) throws IOException {
    JsonNode tree = JSON.readTree(body);
    tree.get("alerts").forEach(alert -> ((ObjectNode) alert).put("startsAt", startsAt));
    return JSON.writeValueAsString(tree);
  }

  /** The same group (receiver and group key kept), its rule renamed in its labels. */
  private static String renamed(String body, String alertName) throws IOException {
    JsonNode tree = JSON.readTree(body);
    ((ObjectNode) tree.get("commonLabels")).put("alertname", alertName);
    tree.get("alerts")
        .forEach(alert -> ((ObjectNode) alert.get("labels")).put("alertname", alertName));
    return JSON.writeValueAsString(tree);
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = PostmortemIT.class.getResourceAsStream("/postmortem/" + name)) {
      if (in == null) {
        return "(no golden file " + name + ")";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
