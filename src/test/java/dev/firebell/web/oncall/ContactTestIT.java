package dev.firebell.web.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import dev.firebell.web.ui.Browser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A person checks a contact with a test page, by API and on /oncall, and sees how it went. */
class ContactTestIT {
  private final CaptureServer phone = new CaptureServer();
  private final TestApp app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(phone));

  @AfterEach
  void stop() {
    app.close();
    phone.close();
  }

  @Test
  void aTestPageReachesTheContactAndSaysSo() {
    Reply sent = post("/api/people/tessa/contacts/webhook/test");
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().get("delivered").asBoolean()).isTrue();
    assertThat(sent.json().get("channel").asText()).isEqualTo("webhook");
    assertThat(phone.json("/tessa").get(0).get("kind").asText()).isEqualTo("test");
    assertThat(phone.json("/tessa").get(0).get("title").asText())
        .isEqualTo("Test page from Firebell");
    assertThat(app.incidents("all")).isEmpty();

    phone.answer("/tessa", CaptureServer.status(500));
    phone.answer("/tessa", CaptureServer.status(500));
    phone.answer("/tessa", CaptureServer.status(500));
    Reply failed = post("/api/people/tessa/contacts/webhook/test");
    assertThat(failed.status()).isEqualTo(502);
    assertThat(failed.json().get("delivered").asBoolean()).isFalse();
    assertThat(failed.json().get("error").asText()).contains("500");

    assertThat(post("/api/people/tessa/contacts/fax/test").status()).isEqualTo(404);
    assertThat(post("/api/people/nobody/contacts/webhook/test").status()).isEqualTo(404);
  }

  @Test
  void theOnCallPageSendsATestPageToOnesOwnContact() {
    Browser browser = new Browser(app);
    browser.logIn(TestApp.USER, TestApp.PASSWORD);
    Reply page = browser.get("/oncall");
    assertThat(page.body()).contains("data-contact=\"webhook\"");
    Reply sent = browser.post("/oncall/contacts/webhook/test", Map.of("_csrf", Browser.csrf(page)));
    assertThat(sent.status()).isEqualTo(303);
    Reply after = browser.get(sent.header("Location").replace("#my-contacts", ""));
    assertThat(after.body()).contains("Test page sent to webhook (webhook): delivered.");
    assertThat(phone.requests("/tessa")).hasSize(1);
  }

  private Reply post(String path) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }
}
