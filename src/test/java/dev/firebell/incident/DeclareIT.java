package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.TestApp;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import dev.firebell.web.ui.Browser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A person declares an incident by the API and it pages whom they named, at once. */
class DeclareIT {

  @Test
  void aDeclaredIncidentPagesThePersonNamedAndDedupesNothing() {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture))) {
      TestApp.Reply reply =
          declare(
              app,
              """
              {"title": "Checkout is down for EU customers", "summary": "Payments time out.",
               "severity": "SEV-1", "service": "checkout", "labels": {"region": "eu"},
               "by": "tessa", "person": "sam"}
              """);
      assertThat(reply.status()).isEqualTo(201);
      JsonNode incident = reply.json();
      assertThat(incident.get("source").asText()).isEqualTo("manual");
      assertThat(incident.get("status").asText()).isEqualTo("triggered");
      assertThat(incident.get("severity").asText()).isEqualTo("SEV-1");
      assertThat(incident.get("service").asText()).isEqualTo("checkout");
      assertThat(incident.get("timeline").findValuesAsText("kind")).contains("incident.declared");
      assertThat(incident.get("timeline").get(0).get("text").asText())
          .isEqualTo("Declared by Tessa via API, paging person:sam");

      app.runPaging();
      assertThat(capture.json("/sam")).hasSize(1);
      assertThat(capture.json("/sam").get(0).get("title").asText())
          .isEqualTo("Checkout is down for EU customers");
      assertThat(capture.json("/tessa")).isEmpty();

      // The same declaration again is a second incident.
      long second =
          declare(
                  app,
                  "{\"title\": \"Checkout is down for EU customers\", \"by\": \"tessa\","
                      + " \"schedule\": \"primary\"}")
              .json()
              .get("id")
              .asLong();
      assertThat(second).isNotEqualTo(incident.get("id").asLong());
      app.runPaging();
      assertThat(capture.json("/tessa")).hasSize(1);
    }
  }

  @Test
  void aPersonDeclaresAnIncidentOnTheWebInterface() {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture))) {
      Browser browser = new Browser(app);
      browser.logIn(TestApp.USER, TestApp.PASSWORD);
      TestApp.Reply list = browser.get("/");
      assertThat(list.body()).contains("Declare incident").contains("value=\"schedule:primary\"");

      TestApp.Reply declared =
          browser.post(
              "/incidents/declare",
              Map.of(
                  "_csrf", Browser.csrf(list),
                  "title", "Search results are empty",
                  "severity", "SEV-2",
                  "service", "search",
                  "target", "person:sam"));
      assertThat(declared.status()).isEqualTo(303);
      String location = declared.header("Location");
      long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
      JsonNode incident = app.incident(id);
      assertThat(incident.get("source").asText()).isEqualTo("manual");
      assertThat(incident.get("timeline").get(0).get("text").asText())
          .isEqualTo("Declared by Tessa via UI, paging person:sam");
      app.runPaging();
      assertThat(capture.json("/sam")).hasSize(1);

      TestApp.Reply noTitle =
          browser.post(
              "/incidents/declare",
              Map.of("_csrf", Browser.csrf(list), "title", " ", "target", "person:sam"));
      assertThat(noTitle.status()).isEqualTo(400);
    }
  }

  @Test
  void aDeclarationIsRefusedNamingTheField() {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture))) {
      assertRefused(app, "{\"by\": \"tessa\", \"person\": \"sam\"}", "title");
      assertRefused(app, "{\"title\": \"x\", \"by\": \"nobody\", \"person\": \"sam\"}", "by");
      assertRefused(app, "{\"title\": \"x\", \"by\": \"tessa\", \"person\": \"nobody\"}", "person");
      assertRefused(app, "{\"title\": \"x\", \"by\": \"tessa\"}", "person");
      assertRefused(
          app,
          "{\"title\": \"x\", \"by\": \"tessa\", \"person\": \"sam\", \"policy\": \"default\"}",
          "policy");
      assertRefused(
          app, "{\"title\": \"x\", \"by\": \"tessa\", \"schedule\": \"nope\"}", "schedule");
      assertRefused(
          app,
          "{\"title\": \"x\", \"by\": \"tessa\", \"person\": \"sam\", \"severity\": \"SEV-9\"}",
          "severity");
      assertThat(app.incidents("all")).isEmpty();
      app.runPaging();
      assertThat(capture.json("/sam")).isEmpty();
    }
  }

  private static void assertRefused(TestApp app, String body, String field) {
    TestApp.Reply reply = declare(app, body);
    assertThat(reply.status()).as(body).isEqualTo(400);
    assertThat(reply.json().get("field").asText()).as(body).isEqualTo(field);
  }

  static TestApp.Reply declare(TestApp app, String body) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url("/api/incidents")))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
