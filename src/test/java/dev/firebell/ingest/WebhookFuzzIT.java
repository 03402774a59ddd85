package dev.firebell.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated webhook bodies, headers and query strings (10,000 in all) against the real
 * server: never a 5xx, and a rejected request never leaves a record behind. Generators are seeded,
 * so a failure names the seed that reproduces it.
 */
class WebhookFuzzIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIXTURES =
      List.of(
          "alertmanager-live/am-firing.json",
          "alertmanager-live/am-resolved.json",
          "captured/grafana-unified/alert-9-mixed.json",
          "captured/grafana-unified/alert_values_v11.json",
          "captured/grafana-unified/alert_v8_missing_field.json",
          "grafana/grafana-firing-two-alerts.json",
          "captured/grafana-legacy/alert.json");

  private static TestApp app;

  private static final long SEED = 20261128L;
  private static final List<String> CONTENT_TYPES =
      List.of(
          "",
          "application/json",
          "application/json; charset=utf-8",
          "text/plain",
          "application/xml",
          "application/vnd.api+json",
          "multipart/form-data; boundary=x",
          ";;;",
          "application/json;charset=?",
          "application/json; charset=nonsense");
  private static final List<String> AUTHORIZATIONS =
      List.of(
          "",
          "Bearer " + TestApp.INGEST_TOKEN,
          "Bearer",
          "Basic",
          "Basic !!!",
          "Basic dGVzdA==",
          "bearer " + TestApp.INGEST_TOKEN,
          "Digest x",
          "Bearer " + TestApp.INGEST_TOKEN + "x");
  private static final List<String> METHODS = List.of("POST", "PUT", "PATCH", "DELETE", "GET");
  private static final List<String> PATHS =
      List.of(
          "/api/incidents",
          "/api/incidents/1",
          "/api/incidents/0",
          "/api/incidents/-1",
          "/api/incidents/99999999999999999999",
          "/api/incidents/abc",
          "/api/incidents/1/postmortem",
          "/api/oncall",
          "/healthz",
          "/readyz");
  private static final List<String> QUERY_KEYS = List.of("status", "limit", "format", "x", "");
  private static final List<String> QUERY_VALUES =
      List.of("open", "resolved", "all", "json", "markdown", "-1", "0", "1001", "1e9", "");

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void mutatedBodiesNeverBreakTheServer() {
    Random random = new Random(SEED);
    for (int i = 0; i < 5000; i++) {
      String body = body(random);
      String path = random.nextBoolean() ? "/webhooks/grafana" : "/webhooks/alertmanager";
      String before = newestIncident();
      Reply reply = app.postWebhook(path, body);
      assertThat(reply.status())
          .as("try %d (seed %d): %s for %s", i, SEED, reply, body)
          .isLessThan(500);
      if (reply.status() >= 300) {
        assertThat(reply.json().get("error").asText()).isNotBlank();
        assertThat(newestIncident()).as("try %d left a record: %s", i, body).isEqualTo(before);
      }
    }
  }

  @Test
  void strangeHeadersAreRefusedCleanly() {
    Random random = new Random(SEED + 1);
    String body = Fixtures.read(FIXTURES.get(0));
    for (int i = 0; i < 3000; i++) {
      String contentType =
          random.nextInt(3) == 0 ? printable(random, 60) : pick(random, CONTENT_TYPES);
      String authorization =
          random.nextInt(3) == 0 ? printable(random, 80) : pick(random, AUTHORIZATIONS);
      String method = pick(random, METHODS);
      String before = newestIncident();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(app.url("/webhooks/grafana")))
              .method(method, HttpRequest.BodyPublishers.ofString(body));
      if (!contentType.isEmpty()) {
        request.header("Content-Type", contentType);
      }
      if (!authorization.isEmpty()) {
        request.header("Authorization", authorization);
      }
      Reply reply = TestApp.send(request);
      String what = method + " Content-Type: " + contentType + " Authorization: " + authorization;
      assertThat(reply.status()).as("try %d: %s → %s", i, what, reply).isLessThan(500);
      if (reply.status() >= 300) {
        assertThat(newestIncident()).as("try %d left a record: %s", i, what).isEqualTo(before);
      }
    }
  }

  @Test
  void randomQueriesGetClearAnswers() {
    Random random = new Random(SEED + 2);
    for (int i = 0; i < 2000; i++) {
      List<String> pairs = new ArrayList<>();
      int count = random.nextInt(5);
      for (int p = 0; p < count; p++) {
        String value = random.nextInt(3) == 0 ? randomText(random) : pick(random, QUERY_VALUES);
        pairs.add(
            pick(random, QUERY_KEYS) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
      String target = pick(random, PATHS) + "?" + String.join("&", pairs);
      Reply reply = app.getApi(target);
      assertThat(reply.status()).as("try %d: %s → %s", i, target, reply).isLessThan(500);
    }
  }

  /** Mostly mutated JSON fixtures, some mangled text, some random strings. */
  private static String body(Random random) {
    String fixture = Fixtures.read(pick(random, FIXTURES));
    int kind = random.nextInt(10);
    if (kind < 6) {
      return mutateTree(fixture, random);
    }
    if (kind < 9) {
      return mangleText(fixture, random);
    }
    return randomText(random);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A header value the HTTP client can send: printable ASCII, no outer spaces. */
  private static String printable(Random random, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append((char) (0x21 + random.nextInt(0x7e - 0x21 + 1)));
    }
    return text.toString();
  }

  /** Replaces, removes or adds values anywhere in the JSON tree, keeping it JSON. */
  private static String mutateTree(String text, Random random) {
    try {
      JsonNode root = JSON.readTree(text);
      int mutations = 1 + random.nextInt(4);
      for (int i = 0; i < mutations; i++) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && object.size() > 0) {
          List<String> names = new ArrayList<>();
          object.fieldNames().forEachRemaining(names::add);
          String name = names.get(random.nextInt(names.size()));
          if (random.nextInt(4) == 0) {
            object.remove(name);
          } else {
            object.set(name, randomValue(random));
          }
        } else if (target instanceof ArrayNode array) {
          if (array.size() > 0 && random.nextBoolean()) {
            array.set(random.nextInt(array.size()), randomValue(random));
          } else {
            array.add(randomValue(random));
          }
        }
      }
      return JSON.writeValueAsString(root);
    } catch (Exception e) {
      return text;
    }
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(child -> collect(child, containers));
    }
  }

  private static JsonNode randomValue(Random random) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (random.nextInt(9)) {
      case 0 -> nodes.nullNode();
      case 1 -> nodes.booleanNode(random.nextBoolean());
      case 2 -> nodes.numberNode(random.nextLong());
      case 3 -> nodes.numberNode(random.nextDouble() * 1e12);
      case 4 -> nodes.textNode("0001-01-01T00:00:00Z");
      case 5 -> nodes.textNode(random.nextBoolean() ? "firing" : "resolved");
      case 6 -> nodes.arrayNode().add(nodes.textNode("x"));
      case 7 -> nodes.objectNode().put("k", "v");
      default -> nodes.textNode(randomText(random));
    };
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(30);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(
          random.nextInt(3) == 0 ? random.nextInt(0x2FFF) + 1 : 'a' + random.nextInt(26));
    }
    return text.toString();
  }

  /** Cuts, duplicates or corrupts characters: most results are not JSON any more. */
  private static String mangleText(String text, Random random) {
    StringBuilder mangled = new StringBuilder(text);
    int edits = 1 + random.nextInt(5);
    for (int i = 0; i < edits && mangled.length() > 1; i++) {
      int at = random.nextInt(mangled.length());
      switch (random.nextInt(4)) {
        case 0 -> mangled.delete(at, Math.min(mangled.length(), at + 1 + random.nextInt(20)));
        case 1 -> mangled.insert(at, "\"{[,:}]\\\u0000".charAt(random.nextInt(9)));
        case 2 -> mangled.setLength(at);
        default -> mangled.setCharAt(at, (char) (random.nextInt(0xD7FF) + 1));
      }
    }
    return mangled.toString();
  }

  private static String newestIncident() {
    JsonNode incidents = app.getApi("/api/incidents?status=all&limit=1").json().get("incidents");
    if (incidents.isEmpty()) {
      return "none";
    }
    long id = incidents.get(0).get("id").asLong();
    return id + "/" + app.incident(id).get("timeline").size();
  }
}
