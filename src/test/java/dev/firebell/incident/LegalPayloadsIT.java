package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every legal Grafana and Alertmanager payload becomes an incident: each string field of both
 * formats at 1, 255, 4,001 and 100,000 characters, Unicode everywhere, and many labels. Each is
 * answered 2xx, opens exactly one incident that keeps the value whole, and its repeat changes
 * nothing. Runs on H2 and on PostgreSQL.
 */
class LegalPayloadsIT {
  private static final ObjectMapper JSON = dev.firebell.json.Json.mapper();
  private static final int[] LENGTHS = {1, 255, 4_001, 100_000, 2_000_000};
  private static final String UNICODE = "Pizza 🍕 ẞ 漢字 עברית مرحبا e\u0301 \u200d";

  private static TestApp app;
  private static int cases;

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** One string field of a payload, and how to read it back from the incident's JSON. */
  private record Field(String name, BiConsumer<ObjectNode, String> set, Readback readback) {}

  /** Whether the stored incident kept the value whole. */
  private interface Readback {
    boolean keeps(JsonNode incident, String value);

    static Readback text(java.util.function.Function<JsonNode, String> read) {
      return (incident, value) -> value.equals(read.apply(incident));
    }
  }

  @Test
  void everyStringFieldOfAGrafanaPayloadAtEveryLength() throws IOException {
    sweep("/webhooks/grafana", "grafana/grafana-firing-one-alert-default-payload-template.json");
  }

  @Test
  void everyStringFieldOfAnAlertmanagerPayloadAtEveryLength() throws IOException {
    sweep("/webhooks/alertmanager", "alertmanager-live/am-firing.json");
  }

  @Test
  void unicodeInEveryFieldAndFiveHundredLabels() throws IOException {
    for (String path : List.of("/webhooks/grafana", "/webhooks/alertmanager")) {
      ObjectNode body =
          template(
              path.endsWith("grafana")
                  ? "grafana/grafana-firing-one-alert-default-payload-template.json"
                  : "alertmanager-live/am-firing.json");
      for (Field field : fields()) {
        field.set().accept(body, UNICODE + " " + field.name() + " " + cases);
      }
      ObjectNode labels = (ObjectNode) body.get("alerts").get(0).get("labels");
      for (int n = 0; n < 500; n++) {
        labels.put("label_" + n + "_" + UNICODE, "value " + n + " " + UNICODE);
      }
      JsonNode incident = recordOnce(path, body);
      assertThat(incident.get("alerts").get(0).get("labels")).hasSizeGreaterThan(500);
    }
  }

  private void sweep(String path, String fixture) throws IOException {
    List<String> failures = new ArrayList<>();
    for (Field field : fields()) {
      for (int length : LENGTHS) {
        ObjectNode body = template(fixture);
        String value = value(length);
        field.set().accept(body, value);
        try {
          JsonNode incident = recordOnce(path, body);
          if (field.readback() != null && !field.readback().keeps(incident, value)) {
            failures.add(field.name() + " at " + length + ": not kept whole");
          }
        } catch (AssertionError e) {
          failures.add(field.name() + " at " + length + ": " + firstLine(e.getMessage()));
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  /** Posts the body as a new group; checks it opens one incident and its repeat is unchanged. */
  private static JsonNode recordOnce(String path, ObjectNode body) throws IOException {
    cases++;
    if (!body.has("groupKeyUnderTest")) {
      String key = body.path("groupKey").asText("");
      body.put("groupKey", "case " + cases + " " + key.substring(0, Math.min(key.length(), 50)));
    }
    body.remove("groupKeyUnderTest");
    String text = JSON.writeValueAsString(body);
    Reply first = app.postWebhook(path, text);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().get("outcome").asText()).isEqualTo("opened");
    Reply repeat = app.postWebhook(path, text);
    assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
    assertThat(repeat.json().get("outcome").asText()).isEqualTo("unchanged");
    assertThat(repeat.json().get("incidentId")).isEqualTo(first.json().get("incidentId"));
    Reply incident = app.getApi("/api/incidents/" + first.json().get("incidentId").asLong());
    assertThat(incident.status()).as(incident.toString()).isEqualTo(200);
    return incident.json();
  }

  private static List<Field> fields() {
    return List.of(
        top("receiver", Readback.text(incident -> incident.get("receiver").asText())),
        new Field(
            "groupKey",
            (body, value) -> {
              body.put("groupKey", value);
              body.put("groupKeyUnderTest", true);
            },
            null),
        top("externalURL", Readback.text(incident -> incident.get("externalURL").asText())),
        top("title", null),
        top("message", null),
        top("state", null),
        map("groupLabels", "service"),
        map("commonLabels", "service"),
        map("commonAnnotations", "summary"),
        alert("fingerprint"),
        alert("generatorURL"),
        alert("silenceURL"),
        alert("dashboardURL"),
        alert("panelURL"),
        alert("imageURL"),
        alert("valueString"),
        alertMap("labels", "alertname"),
        alertMap("labels", "service"),
        alertMap("labels", "instance"),
        alertMap("annotations", "summary"),
        alertMap("annotations", "description"),
        new Field(
            "alerts[0].labels (name)",
            (body, value) -> labels(body).put(value, "x"),
            (incident, value) -> incident.get("alerts").get(0).get("labels").has(value)),
        new Field(
            "alerts[0].values (name)",
            (body, value) ->
                ((ObjectNode) body.get("alerts").get(0)).putObject("values").put(value, 20),
            null));
  }

  private static Field top(String name, Readback readback) {
    return new Field(name, (body, value) -> body.put(name, value), readback);
  }

  private static Field map(String name, String key) {
    return new Field(
        name + "." + key,
        (body, value) -> body.withObject(name).put(key, value),
        Readback.text(incident -> incident.get(name).path(key).asText(null)));
  }

  private static Field alert(String name) {
    return new Field(
        "alerts[0]." + name,
        (body, value) -> ((ObjectNode) body.get("alerts").get(0)).put(name, value),
        Readback.text(incident -> incident.get("alerts").get(0).get(name).asText()));
  }

  private static Field alertMap(String name, String key) {
    return new Field(
        "alerts[0]." + name + "." + key,
        (body, value) -> ((ObjectNode) body.get("alerts").get(0)).withObject(name).put(key, value),
        Readback.text(incident -> incident.get("alerts").get(0).get(name).path(key).asText(null)));
  }

  private static ObjectNode labels(ObjectNode body) {
    return ((ObjectNode) body.get("alerts").get(0)).withObject("labels");
  }

  /** Text of exactly {@code length} characters, with multi-byte and surrogate-pair characters. */
  private static String value(int length) {
    if (length == 1) {
      return "x";
    }
    StringBuilder text = new StringBuilder("case-" + (cases + 1) + "-é漢");
    while (text.length() < length - 2) {
      text.append(text.length() % 97 == 0 ? "🔥" : "a");
    }
    while (text.length() < length) {
      text.append('z');
    }
    return text.toString();
  }

  private static ObjectNode template(String fixture) throws IOException {
    return (ObjectNode) JSON.readTree(Fixtures.read(fixture));
  }

  private static String firstLine(String message) {
    return message == null
        ? ""
        : message.strip().lines().limit(3).reduce("", (a, b) -> a + " " + b);
  }
}
