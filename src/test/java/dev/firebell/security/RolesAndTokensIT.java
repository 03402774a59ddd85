package dev.firebell.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.UserConfig;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Role;
import dev.firebell.paging.PagingSetup;
import dev.firebell.web.ui.Browser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roles and personal API tokens: Sam is a viewer, Tessa a responder, Ada an admin. The same rules
 * hold over the API (each person's own token) and in the web interface.
 */
class RolesAndTokensIT {
  private TestApp app;
  private final Map<String, String> tokens = new HashMap<>();

  @BeforeEach
  void start() {
    OnCall team = PagingSetup.team(List.of(), List.of());
    OnCall roles =
        PagingSetup.with(
            team,
            PagingSetup.as(team.people().get("sam"), null, Role.VIEWER),
            PagingSetup.as(new Person("ada", "Ada", List.of()), null, Role.ADMIN));
    app =
        TestApp.start(
            ConfigBuilder.from(TestApp.defaultConfig())
                .withUsers(
                    List.of(
                        new UserConfig(TestApp.USER, Passwords.hash(TestApp.PASSWORD, 4), "tessa"),
                        new UserConfig("sam", Passwords.hash(TestApp.PASSWORD, 4), "sam")))
                .build(),
            roles);
    for (String person : List.of("sam", "tessa", "ada")) {
      Reply made =
          call(
              "POST",
              "/api/people/" + person + "/tokens",
              TestApp.API_TOKEN,
              "{\"name\": \"laptop\", \"expiresIn\": \"30d\"}");
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      tokens.put(person, made.json().get("token").asText());
    }
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void aTokenActsAsItsPersonAndIsListedWithoutItsSecret() {
    String tessa = tokens.get("tessa");
    assertThat(tessa).startsWith("fbt_").hasSizeGreaterThan(40);
    long id = open();
    Reply acked = call("POST", "/api/incidents/" + id + "/ack", tessa, "{}");
    assertThat(acked.status()).as(acked.body()).isEqualTo(200);
    assertThat(app.incident(id).get("acknowledgedBy").asText()).isEqualTo("tessa");
    assertThat(EscalationIT.texts(app.incident(id), "acknowledged"))
        .containsExactly("Acknowledged by Tessa via API token 'laptop'");

    JsonNode listed = call("GET", "/api/me/tokens", tessa, null).json().get("tokens");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("name").asText()).isEqualTo("laptop");
    assertThat(listed.get(0).get("lastUsedAt").asText()).isEqualTo("2026-11-28T16:10:00Z");
    assertThat(listed.get(0).get("expiresAt").asText()).isEqualTo("2026-12-28T16:10:00Z");
    assertThat(listed.toString()).doesNotContain(tessa).doesNotContain("fbt_");

    Reply asSam = call("POST", "/api/incidents/" + id + "/resolve", tessa, "{\"by\": \"sam\"}");
    assertThat(asSam.status()).isEqualTo(403);
    assertThat(asSam.json().get("field").asText()).isEqualTo("by");
    assertThat(
            call(
                    "POST",
                    "/api/incidents/" + id + "/resolve",
                    tokens.get("ada"),
                    "{\"by\": \"tessa\"}")
                .status())
        .as("an admin may act for another")
        .isEqualTo(200);
  }

  @Test
  void aRevokedOrExpiredTokenIsRefused() {
    String tessa = tokens.get("tessa");
    long tokenId =
        call("GET", "/api/me/tokens", tessa, null).json().get("tokens").get(0).get("id").asLong();
    assertThat(call("DELETE", "/api/me/tokens/" + tokenId, tessa, null).status()).isEqualTo(204);
    assertThat(call("GET", "/api/incidents", tessa, null).status()).isEqualTo(401);

    String shortLived =
        call(
                "POST",
                "/api/me/tokens",
                tokens.get("ada"),
                "{\"name\": \"ci\", \"expiresIn\": \"1h\"}")
            .json()
            .get("token")
            .asText();
    assertThat(call("GET", "/api/incidents", shortLived, null).status()).isEqualTo(200);
    app.clock.advance(Duration.ofMinutes(61));
    assertThat(call("GET", "/api/incidents", shortLived, null).status()).isEqualTo(401);

    Reply tooLong =
        call(
            "POST",
            "/api/me/tokens",
            tokens.get("ada"),
            "{\"name\": \"x\", \"expiresIn\": \"400d\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("field").asText()).isEqualTo("expiresIn");
    assertThat(
            call("POST", "/api/people/ada/tokens", tokens.get("tessa"), "{\"name\": \"x\"}")
                .status())
        .as("a revoked token manages nothing")
        .isEqualTo(401);
    assertThat(
            call("POST", "/api/people/ada/tokens", tokens.get("sam"), "{\"name\": \"x\"}").status())
        .as("another's tokens need the admin role")
        .isEqualTo(403);
  }

  /** Each role against each action: allowed (not 401 or 403) or 403. */
  @Test
  void eachRoleMayDoWhatItsRoleAllowsOverTheApi() {
    Reply viewer = act("acknowledge", "sam");
    assertThat(viewer.json().get("error").asText())
        .isEqualTo("acknowledging needs the responder role; Sam is a viewer");
    // Reloading reads the rota file anew, so it comes last.
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    allowed.put("read incidents", List.of("sam", "tessa", "ada"));
    allowed.put("acknowledge", List.of("tessa", "ada"));
    allowed.put("add a note", List.of("tessa", "ada"));
    allowed.put("declare", List.of("tessa", "ada"));
    allowed.put("override for themselves", List.of("tessa", "ada"));
    allowed.put("override for someone else", List.of("ada"));
    allowed.put("maintenance window", List.of("ada"));
    allowed.put("reload the rota", List.of("ada"));
    for (Map.Entry<String, List<String>> action : allowed.entrySet()) {
      for (String person : List.of("sam", "tessa", "ada")) {
        Reply reply = act(action.getKey(), person);
        if (action.getValue().contains(person)) {
          assertThat(reply.status())
              .as(person + " may " + action.getKey() + ": " + reply.body())
              .isNotIn(401, 403);
        } else {
          assertThat(reply.status()).as(person + " may not " + action.getKey()).isEqualTo(403);
          assertThat(reply.body()).contains("role");
        }
      }
    }
  }

  @Test
  void aViewerReadsTheWebInterfaceButIsOfferedAndAllowedNoAction() {
    long id = open();
    Browser sam = new Browser(app);
    sam.logIn("sam", TestApp.PASSWORD);
    Reply page = sam.get("/incidents/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain("id=\"ack\"")
        .doesNotContain("id=\"add-note\"")
        .doesNotContain("id=\"save-fields\"");
    assertThat(sam.get("/").body()).doesNotContain("Declare incident");
    assertThat(sam.get("/oncall").body()).doesNotContain("Add an override");
    Reply forced = sam.post("/incidents/" + id + "/ack", Map.of("_csrf", Browser.csrf(page)));
    assertThat(forced.status()).isEqualTo(403);
    assertThat(forced.body()).contains("Acknowledging needs the responder role; you are a viewer.");
    assertThat(app.incident(id).get("status").asText()).isEqualTo("triggered");

    Browser tessa = new Browser(app);
    tessa.logIn(TestApp.USER, TestApp.PASSWORD);
    Reply tessasPage = tessa.get("/incidents/" + id);
    assertThat(tessasPage.body()).contains("id=\"ack\"");
    Reply override =
        tessa.post(
            "/oncall/overrides",
            Map.of(
                "_csrf", Browser.csrf(tessasPage),
                "schedule", "primary",
                "person", "sam",
                "from", "2026-11-29T09:00",
                "to", "2026-11-29T17:00"));
    assertThat(override.status()).as("an override for someone else").isEqualTo(403);
    assertThat(override.body()).contains("needs the admin role");
  }

  @Test
  void theTokensPageMakesAShownOnceTokenAndRevokesIt() {
    Browser tessa = new Browser(app);
    tessa.logIn(TestApp.USER, TestApp.PASSWORD);
    Reply page = tessa.get("/tokens");
    assertThat(page.body()).contains("laptop").doesNotContain("fbt_");
    Reply made =
        tessa.post(
            "/tokens", Map.of("_csrf", Browser.csrf(page), "name", "grafana", "expiresIn", "30d"));
    assertThat(made.status()).isEqualTo(200);
    String secret =
        made.body().replaceAll("(?s).*<code id=\"token-secret\">([^<]+)</code>.*", "$1");
    assertThat(secret).startsWith("fbt_");
    assertThat(made.header("Cache-Control")).isEqualTo("no-store");
    assertThat(
            call("GET", "/api/me/tokens", secret, null)
                .json()
                .get("tokens")
                .findValuesAsText("name"))
        .containsExactly("laptop", "grafana");
    assertThat(tessa.get("/tokens").body()).doesNotContain(secret);

    long id =
        call("GET", "/api/me/tokens", secret, null).json().get("tokens").get(1).get("id").asLong();
    Reply revoked = tessa.post("/tokens/" + id + "/revoke", Map.of("_csrf", Browser.csrf(page)));
    assertThat(revoked.status()).isEqualTo(303);
    assertThat(call("GET", "/api/incidents", secret, null).status()).isEqualTo(401);
  }

  private Reply act(String action, String person) {
    String token = tokens.get(person);
    return switch (action) {
      case "read incidents" -> call("GET", "/api/incidents", token, null);
      case "acknowledge" -> call("POST", "/api/incidents/" + open() + "/ack", token, "{}");
      case "add a note" ->
          call("POST", "/api/incidents/" + open() + "/notes", token, "{\"text\": \"looking\"}");
      case "declare" ->
          call(
              "POST",
              "/api/incidents",
              token,
              "{\"title\": \"Checkout down\", \"person\": \"tessa\"}");
      case "override for themselves" ->
          call(
              "POST",
              "/api/schedules/primary/overrides",
              token,
              "{\"person\": \""
                  + person
                  + "\", \"from\": \"2026-12-01T09:00\", \"to\": \"2026-12-01T10:00\"}");
      case "override for someone else" ->
          call(
              "POST",
              "/api/schedules/primary/overrides",
              token,
              "{\"person\": \""
                  + (person.equals("tessa") ? "sam" : "tessa")
                  + "\", \"from\": \"2026-12-02T09:00\", \"to\": \"2026-12-02T10:00\"}");
      case "maintenance window" ->
          call(
              "POST",
              "/api/maintenance",
              token,
              "{\"match\": {\"env\": \"staging\"}, \"from\": \"2026-12-03T09:00:00Z\", \"to\": \"2026-12-03T10:00:00Z\", \"reason\": \"upgrade\"}");
      case "reload the rota" -> call("POST", "/api/oncall/reload", token, "");
      default -> throw new AssertionError(action);
    };
  }

  /** A new incident each time: the same notification under another group key. */
  private long open() {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode body =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .readTree(Fixtures.read("alertmanager-live/am-firing.json"));
      body.put("groupKey", "{}:{alertname=\"opened-" + (++opened) + "\"}");
      return app.open("/webhooks/alertmanager", body.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private int opened;

  private Reply call(String method, String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return TestApp.send(
        request.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }
}
