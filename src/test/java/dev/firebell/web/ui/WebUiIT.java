package dev.firebell.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.DatabaseConfig;
import dev.firebell.config.FirebellConfig;
import dev.firebell.config.ServerConfig;
import dev.firebell.config.UserConfig;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import dev.firebell.security.Passwords;
import dev.firebell.store.FaultInjection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log-in, sessions, CSRF and escaping in the web interface, over plain HTTP. */
class WebUiIT {
  private TestApp app;
  private long incidentId;

  @BeforeEach
  void start() {
    app = TestApp.start();
    incidentId =
        app.postWebhook("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"))
            .json()
            .get("incidentId")
            .asLong();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void pagesWithoutASessionRedirectToTheLogInPage() {
    Browser browser = new Browser(app);
    for (String path :
        List.of(
            "/",
            "/incidents/" + incidentId,
            "/incidents/" + incidentId + "/postmortem",
            "/oncall")) {
      Reply reply = browser.get(path);
      assertThat(reply.status()).as(path).isEqualTo(303);
      assertThat(reply.header("Location")).isEqualTo("/login");
    }
    Reply login = browser.get("/login");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.body()).contains("name=\"username\"").contains("name=\"password\"");
    assertThat(browser.get("/static/firebell.css").status()).isEqualTo(200);
  }

  @Test
  void theRightPasswordOpensASessionAndTheWrongOneIsRefused() {
    Browser browser = new Browser(app);
    Reply wrong = browser.logIn(TestApp.USER, "wrong password");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).contains("Wrong username or password.");
    assertThat(browser.get("/").status()).isEqualTo(303);

    Reply right = browser.logIn(TestApp.USER, TestApp.PASSWORD);
    assertThat(right.status()).isEqualTo(303);
    assertThat(right.header("Location")).isEqualTo("/");
    String cookie =
        right.response().headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("firebell_session="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    Reply list = browser.get("/");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .contains("PizzaFailureSpike")
        .contains("SEV-1")
        .contains("pizza-factory")
        .contains("triggered");

    Reply logout = browser.post("/logout", Map.of("_csrf", Browser.csrf(list)));
    assertThat(logout.status()).isEqualTo(303);
    assertThat(browser.get("/").status()).isEqualTo(303);
  }

  @Test
  void usernamesAreNotCaseSensitive() {
    Browser browser = new Browser(app);
    Reply right = browser.logIn(TestApp.USER.toUpperCase(java.util.Locale.ROOT), TestApp.PASSWORD);
    assertThat(right.status()).isEqualTo(303);
    assertThat(browser.get("/").status()).isEqualTo(200);
  }

  @Test
  void savingTheFieldsUnchangedStampsNothing() {
    Browser browser = new Browser(app);
    browser.logIn(TestApp.USER, TestApp.PASSWORD);
    Reply page = browser.get("/incidents/" + incidentId);
    JsonNode before = app.incident(incidentId);
    Reply saved =
        browser.post(
            "/incidents/" + incidentId + "/fields",
            Map.of(
                "_csrf",
                Browser.csrf(page),
                "title",
                before.get("title").asText(),
                "severity",
                before.get("severity").asText()));
    assertThat(saved.status()).as(saved.body()).isEqualTo(303);
    assertThat(app.incident(incidentId).toString()).doesNotContain("field.changed");

    browser.post(
        "/incidents/" + incidentId + "/fields",
        Map.of(
            "_csrf",
            Browser.csrf(page),
            "title",
            before.get("title").asText(),
            "severity",
            before.get("severity").asText(),
            "usersAffected",
            "12"));
    assertThat(app.incident(incidentId).toString()).contains("Impact edited by");
  }

  @Test
  void theIncidentPageEscalatesUnacknowledgesAndAddsResponders() {
    try (CaptureServer phones = new CaptureServer();
        TestApp team = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(phones))) {
      long id =
          team.open("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
      Browser browser = new Browser(team);
      browser.logIn(TestApp.USER, TestApp.PASSWORD);
      Reply page = browser.get("/incidents/" + id);
      assertThat(page.body())
          .contains("id=\"escalate\"")
          .contains("id=\"add-responder\"")
          .contains("<option value=\"schedule:primary\"")
          .doesNotContain("id=\"unacknowledge\"");
      String csrf = Browser.csrf(page);
      String path = "/incidents/" + id;
      assertThat(
              browser
                  .post(path + "/responders", Map.of("_csrf", csrf, "responder", "person:sam"))
                  .status())
          .isEqualTo(303);
      assertThat(
              browser
                  .post(path + "/responders", Map.of("_csrf", csrf, "responder", "person:nobody"))
                  .status())
          .isEqualTo(400);
      assertThat(browser.post(path + "/escalate", Map.of("_csrf", csrf)).status()).isEqualTo(303);
      browser.post(path + "/ack", Map.of("_csrf", csrf));
      Reply acked = browser.get(path);
      assertThat(acked.body())
          .contains("id=\"unacknowledge\"")
          .contains(
              "<p class=\"flash\" id=\"flash\" role=\"status\">Acknowledged: escalation has stopped.</p>");
      assertThat(browser.get(path).body())
          .as("a confirmation shows once")
          .doesNotContain("id=\"flash\"");
      assertThat(browser.post(path + "/unacknowledge", Map.of("_csrf", csrf)).status())
          .isEqualTo(303);
      JsonNode incident = team.incident(id);
      assertThat(incident.get("status").asText()).isEqualTo("triggered");
      assertThat(incident.toString())
          .contains("responders.added")
          .contains("Escalated by Tessa via UI to step 2 of 2")
          .contains("Unacknowledged by Tessa via UI");
    }
    // This app's incident matched no route: nothing is escalating, and the page says why.
    Browser browser = new Browser(app);
    browser.logIn(TestApp.USER, TestApp.PASSWORD);
    Reply page = browser.get("/incidents/" + incidentId);
    assertThat(page.body())
        .contains("id=\"nobody-paged\"")
        .contains("No route matched this incident&#39;s labels, so nobody was paged");
    assertThat(app.incident(incidentId).get("escalation").get("nobodyPaged").asText())
        .startsWith("No route matched");
    Reply escalate =
        browser.post("/incidents/" + incidentId + "/escalate", Map.of("_csrf", Browser.csrf(page)));
    assertThat(escalate.status()).isEqualTo(409);
    assertThat(escalate.body()).contains("add responders instead");
  }

  @Test
  void everyTimeOnAPageIsInTheViewersZoneAndFormsReadIt() {
    OnCall team = PagingSetup.team(List.of(), List.of());
    Map<String, Person> people = new java.util.HashMap<>(team.people());
    Person tessa = team.people().get("tessa");
    people.put(
        "tessa",
        new Person(
            "tessa",
            "Tessa",
            tessa.contacts(),
            tessa.rules(),
            null,
            java.time.ZoneId.of("Europe/Berlin")));
    OnCall berlin =
        new OnCall(Map.copyOf(people), team.schedules(), team.policies(), team.routes(), List.of());
    try (TestApp local = TestApp.start(TestApp.defaultConfig(), berlin)) {
      long id =
          local.open("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
      Browser browser = new Browser(local);
      browser.logIn(TestApp.USER, TestApp.PASSWORD);
      Reply page = browser.get("/incidents/" + id);
      // Received 16:10 UTC is 17:10 in Berlin.
      assertThat(page.body()).contains("2026-11-28 17:10 CET").doesNotContain(" UTC");
      assertThat(page.body()).contains("When it happened (Europe/Berlin, optional)");

      String csrf = Browser.csrf(page);
      browser.post(
          "/incidents/" + id + "/notes",
          Map.of("_csrf", csrf, "text", "Oven 3 restarted", "at", "2026-11-28T17:05"));
      assertThat(local.incident(id).toString())
          .contains("\"at\":\"2026-11-28T16:05:00Z\",\"kind\":\"note\"");
      Reply ahead =
          browser.post(
              "/incidents/" + id + "/notes",
              Map.of("_csrf", csrf, "text", "later", "at", "2026-12-03T17:05"));
      assertThat(ahead.status()).isEqualTo(400);
      assertThat(ahead.body()).contains("is in the future");

      Reply oncall = browser.get("/oncall");
      assertThat(oncall.body()).contains("times in Europe/Berlin").contains("2026-11-30 17:00 CET");
    }
  }

  @Test
  void aRefusedFormComesBackToItsPageWithTheReasonAndWhatWasTyped() {
    Browser browser = new Browser(app);
    browser.logIn(TestApp.USER, TestApp.PASSWORD);
    String csrf = Browser.csrf(browser.get("/incidents/" + incidentId));

    Reply refused =
        browser.post(
            "/incidents/" + incidentId + "/fields",
            Map.of(
                "_csrf", csrf,
                "_form", "fields",
                "_back", "/incidents/" + incidentId,
                "title", "Checkout slow <b>again</b>",
                "severity", "SEV-3",
                "rootCause", "A full disk on db-2",
                "usersAffectedPercent", "150"));
    assertThat(refused.status()).isEqualTo(303);
    assertThat(refused.header("Location")).isEqualTo("/incidents/" + incidentId + "#fields");
    assertThat(app.incident(incidentId).get("title").asText()).doesNotContain("again");

    Reply back = browser.get("/incidents/" + incidentId);
    assertThat(back.body())
        .contains("<p class=\"form-error\" id=\"form-error\" role=\"alert\">")
        .contains("impact.usersAffectedPercent must be from 0 to 100")
        .contains("value=\"Checkout slow &lt;b&gt;again&lt;/b&gt;\"")
        .contains(">A full disk on db-2</textarea>")
        .contains("value=\"150\"");
    // Shown once: a reload shows the saved fields again.
    Reply reloaded = browser.get("/incidents/" + incidentId);
    assertThat(reloaded.body()).doesNotContain("form-error").doesNotContain("db-2");

    try (TestApp local =
        TestApp.start(TestApp.defaultConfig(), PagingSetup.team(List.of(), List.of()))) {
      Browser team = new Browser(local);
      team.logIn(TestApp.USER, TestApp.PASSWORD);
      Reply override =
          team.post(
              "/oncall/overrides",
              Map.of(
                  "_csrf", Browser.csrf(team.get("/oncall")),
                  "_form", "override-primary",
                  "_back", "/oncall",
                  "schedule", "primary",
                  "person", "tessa",
                  "from", "tomorrow",
                  "to", "2026-12-24T09:00",
                  "reason", "dentist"));
      assertThat(override.header("Location")).isEqualTo("/oncall#override-primary");
      Reply oncall = team.get("/oncall");
      assertThat(oncall.body())
          .contains("The start time must look like 2026-12-24T09:00.")
          .contains("<details class=\"add-override\" open>")
          .contains("value=\"dentist\"")
          .contains("value=\"2026-12-24T09:00\"");
    }

    // Only a path on this server: a form naming another site gets the error page instead.
    Reply offsite =
        browser.post(
            "/incidents/declare",
            Map.of("_csrf", csrf, "_form", "declare", "_back", "//evil.example/", "title", "x"));
    assertThat(offsite.status()).isEqualTo(400);
    assertThat(offsite.header("Location")).isNull();
  }

  @Test
  void repeatedFailuresForOneUsernameAreSlowedDown() {
    Browser browser = new Browser(app);
    for (int i = 0; i < 5; i++) {
      assertThat(browser.logIn(TestApp.USER, "guess " + i).status()).isEqualTo(401);
    }
    Reply throttled = browser.logIn(TestApp.USER, TestApp.PASSWORD);
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isNotNull();

    app.clock.advance(java.time.Duration.ofMinutes(1));
    assertThat(browser.logIn(TestApp.USER, TestApp.PASSWORD).status()).isEqualTo(303);
  }

  /** The attempt is reserved before the password is checked, so parallel guesses queue up. */
  @Test
  void fortyParallelGuessesGetAtMostFivePasswordChecks() throws Exception {
    ExecutorService guessers = Executors.newFixedThreadPool(20);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int guess = i;
      statuses.add(
          guessers.submit(() -> new Browser(app).logIn(TestApp.USER, "guess " + guess).status()));
    }
    List<Integer> answers = new ArrayList<>();
    for (Future<Integer> status : statuses) {
      answers.add(status.get());
    }
    guessers.shutdown();
    assertThat(answers.stream().filter(status -> status == 401)).hasSizeLessThanOrEqualTo(5);
    assertThat(answers.stream().filter(status -> status == 429)).hasSizeGreaterThanOrEqualTo(35);
  }

  /** Guesses at names that do not exist count against the address, and store no row per name. */
  @Test
  void unknownUsernamesCountAgainstTheAddressAndGrowNoTable() throws Exception {
    FaultInjection database = new FaultInjection();
    try (TestApp other =
        TestApp.start(TestApp.defaultConfig(), OnCall.empty(), database.wrapper())) {
      Browser browser = new Browser(other);
      List<Integer> answers = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        answers.add(browser.logIn("nobody-" + i, "guess").status());
      }
      assertThat(answers.subList(0, 20)).containsOnly(401);
      assertThat(answers.subList(20, 25)).containsOnly(429);
      assertThat(database.count("SELECT COUNT(*) FROM login_failure")).isEqualTo(1);
    }
  }

  @Test
  void aFormPostWithoutTheCsrfTokenIsRefused() {
    Browser browser = new Browser(app);
    browser.logIn(TestApp.USER, TestApp.PASSWORD);

    Reply forged = browser.post("/incidents/" + incidentId + "/ack", Map.of());
    assertThat(forged.status()).isEqualTo(403);
    Reply wrongToken = browser.post("/incidents/" + incidentId + "/ack", Map.of("_csrf", "guess"));
    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(app.incident(incidentId).get("status").asText()).isEqualTo("triggered");

    String csrf = Browser.csrf(browser.get("/incidents/" + incidentId));
    Reply acked = browser.post("/incidents/" + incidentId + "/ack", Map.of("_csrf", csrf));
    assertThat(acked.status()).isEqualTo(303);
    assertThat(app.incident(incidentId).get("acknowledgedBy").asText()).isEqualTo("tessa");

    Reply loginWithoutToken =
        browser.post("/login", Map.of("username", TestApp.USER, "password", TestApp.PASSWORD));
    assertThat(loginWithoutToken.status()).isEqualTo(403);
  }

  @Test
  void alertTextAndLinksRenderInert() throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode body =
        (ObjectNode) json.readTree(Fixtures.read("captured/grafana-unified/alert_values_v11.json"));
    ObjectNode alert = (ObjectNode) body.get("alerts").get(0);
    ((ObjectNode) alert.get("labels")).put("alertname", "<script>alert('label')</script>");
    ((ObjectNode) alert.get("annotations")).put("summary", "<img src=x onerror=alert(1)>");
    ((ObjectNode) alert.get("annotations")).put("runbook_url", "javascript:alert('runbook')");
    alert.put("dashboardURL", "javascript:alert('dashboard')");
    alert.put("silenceURL", "JaVaScRiPt:alert('silence')");
    body.put("title", "<script>alert('title')</script>");
    long id =
        app.postWebhook("/webhooks/grafana", json.writeValueAsString(body))
            .json()
            .get("incidentId")
            .asLong();

    Browser browser = new Browser(app);
    browser.logIn(TestApp.USER, TestApp.PASSWORD);
    for (String path : List.of("/", "/incidents/" + id, "/incidents/" + id + "/postmortem")) {
      Reply page = browser.get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body())
          .as(path)
          .doesNotContain("<script>")
          .doesNotContain("<img src=x")
          .doesNotContainIgnoringCase("href=\"javascript:");
      assertThat(page.header("Content-Security-Policy")).contains("script-src 'none'");
    }
    String incident = browser.get("/incidents/" + id).body();
    assertThat(incident)
        .contains("&lt;script&gt;alert(")
        .contains("href=\"https://play.grafana.org/d/");
  }

  /** A postmortem loads images from Firebell only and keeps no script or data: links. */
  @Test
  void postmortemMarkdownCannotLoadOrLinkAnywhereUnsafe() {
    Browser browser = new Browser(app);
    browser.logIn(TestApp.USER, TestApp.PASSWORD);
    Reply form = browser.get("/incidents/" + incidentId);
    Reply edit =
        browser.post(
            "/incidents/" + incidentId + "/fields",
            Map.of(
                "_csrf",
                Browser.csrf(form),
                "title",
                "Pizza failures",
                "severity",
                "SEV-1",
                "rootCause",
                "![pixel](https://tracker.example/p.png) [open](data:text/html,boom)"
                    + " [also](javascript:alert(1)) ![ours](/static/logo.png)"
                    + " [runbook](https://runbooks.example.com/x)"));
    assertThat(edit.status()).as(edit.toString()).isEqualTo(303);
    Reply page = browser.get("/incidents/" + incidentId + "/postmortem");
    assertThat(page.body())
        .doesNotContain("src=\"https://tracker.example")
        .doesNotContain("href=\"data:")
        .doesNotContain("href=\"javascript:")
        .contains("src=\"/static/logo.png\"")
        .contains("href=\"https://runbooks.example.com/x\"");
    assertThat(page.header("Content-Security-Policy")).contains("img-src 'self';");
  }

  /** A session ends when its user is removed from firebell.yaml or gets a new password hash. */
  @Test
  void aSessionEndsWhenItsUserIsRemovedOrRehashed(@TempDir Path dir) {
    DatabaseConfig shared = DatabaseConfig.of("jdbc:h2:file:" + dir.resolve("firebell"));
    FirebellConfig before =
        ConfigBuilder.from(TestApp.defaultConfig()).withDatabase(shared).build();
    String cookie;
    try (TestApp first = TestApp.start(before)) {
      Reply login = new Browser(first).logIn(TestApp.USER, TestApp.PASSWORD);
      cookie =
          login.response().headers().allValues("Set-Cookie").stream()
              .filter(c -> c.startsWith("firebell_session="))
              .map(c -> c.substring(0, c.indexOf(';')))
              .findFirst()
              .orElseThrow();
      assertThat(withCookie(first, cookie).status()).isEqualTo(200);
    }
    String newHash = Passwords.hash("a new password", 4);
    try (TestApp same = TestApp.start(before)) {
      assertThat(withCookie(same, cookie).status()).as("same user, same hash").isEqualTo(200);
    }
    try (TestApp rehashed =
        TestApp.start(
            ConfigBuilder.from(before)
                .withUsers(List.of(new UserConfig(TestApp.USER, newHash, "tessa")))
                .build())) {
      assertThat(withCookie(rehashed, cookie).status()).as("new password hash").isEqualTo(303);
    }
    try (TestApp removed = TestApp.start(ConfigBuilder.from(before).withUsers(List.of()).build())) {
      assertThat(withCookie(removed, cookie).status()).as("user removed").isEqualTo(303);
    }
  }

  private static Reply withCookie(TestApp app, String cookie) {
    return TestApp.send(HttpRequest.newBuilder(URI.create(app.url("/"))).header("Cookie", cookie));
  }

  @Test
  void sessionCookiesAreSecureBehindHttps() {
    try (TestApp https =
        TestApp.start(
            ConfigBuilder.from(TestApp.defaultConfig())
                .withServer(new ServerConfig(0, "127.0.0.1", "https://firebell.example.com"))
                .build())) {
      Reply form =
          TestApp.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(https.url("/login"))));
      String loginCookie = form.header("Set-Cookie");
      assertThat(loginCookie).contains("; Secure");
      String token = loginCookie.substring(loginCookie.indexOf('=') + 1, loginCookie.indexOf(';'));
      Reply right =
          TestApp.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(https.url("/login")))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Cookie", "firebell_login=" + token)
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "username=tessa&password=correct+horse+battery&_csrf=" + token)));
      assertThat(right.status()).isEqualTo(303);
      assertThat(right.response().headers().allValues("Set-Cookie"))
          .anySatisfy(c -> assertThat(c).startsWith("firebell_session=").contains("; Secure"));
    }
  }

  @Test
  void hashPasswordPrintsABcryptHash() throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("firebell.jar", "target/firebell.jar"))
                    .toAbsolutePath()
                    .toString(),
                "hash-password")
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().write("s3cret pass\n".getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor()).isZero();
    assertThat(Passwords.looksLikeHash(output)).as(output).isTrue();
    assertThat(Passwords.matches("s3cret pass", output)).isTrue();
  }
}
