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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and mutated webhook bodies, headers and query strings (10,000 in all) against the real
 * server: never a 5xx, and a rejected request never leaves a record behind.
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

  @BeforeContainer
  static void start() {
    app = TestApp.start();
  }

  @AfterContainer
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Property(tries = 5000, seed = "20261128")
  void mutatedBodiesNeverBreakTheServer(@ForAll("bodies") String body, @ForAll boolean grafana) {
    String before = newestIncident();
    Reply reply = app.postWebhook(grafana ? "/webhooks/grafana" : "/webhooks/alertmanager", body);
    assertThat(reply.status()).as(reply.toString()).isLessThan(500);
    if (reply.status() >= 300) {
      assertThat(reply.json().get("error").asText()).isNotBlank();
      assertThat(newestIncident()).isEqualTo(before);
    }
  }

  @Property(tries = 3000, seed = "20261128")
  void strangeHeadersAreRefusedCleanly(
      @ForAll("contentTypes") String contentType,
      @ForAll("authorizations") String authorization,
      @ForAll("methods") String method) {
    String before = newestIncident();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app.url("/webhooks/grafana")))
            .method(method, HttpRequest.BodyPublishers.ofString(Fixtures.read(FIXTURES.get(0))));
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }
    if (!authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }
    Reply reply = TestApp.send(request);
    assertThat(reply.status()).as(reply.toString()).isLessThan(500);
    if (reply.status() >= 300) {
      assertThat(newestIncident()).isEqualTo(before);
    }
  }

  @Property(tries = 2000, seed = "20261128")
  void randomQueriesGetClearAnswers(@ForAll("queries") String query, @ForAll("paths") String path) {
    Reply reply = app.getApi(path + "?" + query);
    assertThat(reply.status()).as(path + "?" + query + " → " + reply).isLessThan(500);
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> mutatedJson =
        Arbitraries.integers()
            .between(0, FIXTURES.size() - 1)
            .flatMap(
                index ->
                    Arbitraries.longs()
                        .map(
                            seed ->
                                mutateTree(Fixtures.read(FIXTURES.get(index)), new Random(seed))));
    Arbitrary<String> mangledText =
        Arbitraries.integers()
            .between(0, FIXTURES.size() - 1)
            .flatMap(
                index ->
                    Arbitraries.longs()
                        .map(
                            seed ->
                                mangleText(Fixtures.read(FIXTURES.get(index)), new Random(seed))));
    Arbitrary<String> random = Arbitraries.strings().ofMaxLength(300);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, mutatedJson),
        net.jqwik.api.Tuple.of(3, mangledText),
        net.jqwik.api.Tuple.of(1, random));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "application/json",
            "application/json; charset=utf-8",
            "text/plain",
            "application/xml",
            "application/vnd.api+json",
            "multipart/form-data; boundary=x",
            ";;;",
            "application/json;charset=\u00e9"),
        Arbitraries.strings().ascii().ofMaxLength(60).filter(WebhookFuzzIT::sendable));
  }

  /** Values the HTTP client can send at all (no control characters, no outer spaces). */
  private static boolean sendable(String value) {
    return value.equals(value.strip()) && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }

  @Provide
  Arbitrary<String> authorizations() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "Bearer " + TestApp.INGEST_TOKEN,
            "Bearer",
            "Bearer ",
            "Basic",
            "Basic !!!",
            "Basic dGVzdA==",
            "bearer " + TestApp.INGEST_TOKEN,
            "Digest x",
            "Bearer " + TestApp.INGEST_TOKEN + "x"),
        Arbitraries.strings().ascii().ofMaxLength(80).filter(WebhookFuzzIT::sendable));
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("POST", "PUT", "PATCH", "DELETE", "GET");
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of(
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
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> key = Arbitraries.of("status", "limit", "format", "x", "");
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of(
                "open", "resolved", "all", "json", "markdown", "-1", "0", "1001", "1e9", ""),
            Arbitraries.strings().ofMaxLength(40));
    return net.jqwik.api.Combinators.combine(key, value)
        .as((k, v) -> k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))
        .list()
        .ofMaxSize(4)
        .map(pairs -> String.join("&", pairs));
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
