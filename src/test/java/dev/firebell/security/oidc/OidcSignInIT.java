package dev.firebell.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.MutableClock;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.AuthConfig;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.paging.PagingSetup;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a real OpenID Connect provider running in the test (mock-oauth2-server):
 * discovery, the authorization-code flow with PKCE, state and nonce, the token exchange and the ID
 * token's checks, then the person whose email matches. Every refusal ends without a session.
 */
class OidcSignInIT {
  private static final String CLIENT = "firebell";

  private MockOAuth2Server provider;
  private TestApp app;
  private HttpClient browser;

  @BeforeEach
  void start() {
    MutableClock clock = MutableClock.at("2026-11-28T16:10:00Z");
    MutableClock providerClock = MutableClock.at("2026-11-28T16:10:00Z");
    provider =
        new MockOAuth2Server(
            new OAuth2Config(
                false,
                null,
                null,
                false,
                new OAuth2TokenProvider(providerClock::instant),
                java.util.Set.of(),
                new NettyWrapper(null)));
    provider.start();
    OnCall team = PagingSetup.team(List.of(), List.of());
    OnCall withEmail =
        PagingSetup.with(
            team,
            PagingSetup.as(
                team.people().get("tessa"),
                new Person.Accounts(null, null, "Tessa@Example.com"),
                null));
    String issuer = provider.issuerUrl("default").toString();
    app =
        TestApp.start(
            ConfigBuilder.from(TestApp.defaultConfig())
                .withAuth(
                    new AuthConfig(
                        null,
                        new AuthConfig.Oidc(issuer, CLIENT, "secret", null, null, "Example SSO")))
                .build(),
            withEmail,
            clock);
    browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @AfterEach
  void stop() {
    app.close();
    provider.shutdown();
  }

  @Test
  void aPersonWhoseEmailMatchesLandsOnTheIncidentListWithASession() throws Exception {
    assertThat(get(app.url("/login")).body()).contains("Sign in with Example SSO");
    signsInAs("tessa@example.com", Map.of("email_verified", true));
    Reply callback = finish();
    assertThat(callback.status()).as(callback.body()).isEqualTo(303);
    assertThat(callback.header("Location")).isEqualTo("/");
    Reply list = get(app.url("/"));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("<h1>Incidents</h1>").contains("Tessa");
  }

  @Test
  void anEmailThatMatchesNobodyGetsNoSession() throws Exception {
    signsInAs("mallory@example.com", Map.of());
    Reply callback = finish();
    assertThat(callback.status()).isEqualTo(403);
    assertThat(callback.body()).contains("no on-call person has that email");
    assertNoSession();
  }

  @Test
  void anUnverifiedEmailGetsNoSession() throws Exception {
    signsInAs("tessa@example.com", Map.of("email_verified", false));
    Reply callback = finish();
    assertThat(callback.status()).isEqualTo(403);
    assertThat(callback.body()).contains("is not verified");
    assertNoSession();
  }

  @Test
  void aWrongStateOrAReplayedCodeGetsNoSession() throws Exception {
    signsInAs("tessa@example.com", Map.of());
    String redirect = authorize();
    Reply forged = get(redirect.replaceAll("state=[^&]+", "state=forged"));
    assertThat(forged.status()).isEqualTo(400);
    assertNoSession();

    signsInAs("tessa@example.com", Map.of());
    String good = authorize();
    assertThat(get(good).status()).isEqualTo(303);
    Reply replayed = get(good);
    assertThat(replayed.status()).as("the state was taken once").isEqualTo(400);
  }

  @Test
  void anExpiredIdTokenGetsNoSession() throws Exception {
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "default",
            "tessa-sub",
            "JWT",
            List.of(CLIENT),
            Map.of("email", "tessa@example.com"),
            1));
    String redirect = authorize();
    // The provider's clock stays: its token lived a second, and Firebell reads it 5 minutes on.
    app.clock.advance(Duration.ofMinutes(5));
    Reply callback = get(redirect);
    assertThat(callback.status()).isEqualTo(401);
    assertThat(callback.body()).contains("the ID token failed its checks");
    assertNoSession();
  }

  private void signsInAs(String email, Map<String, Object> more) {
    Map<String, Object> claims = new HashMap<>(more);
    claims.put("email", email);
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "default", "sub-" + email, "JWT", List.of(CLIENT), claims, 3600));
  }

  /** Starts at Firebell and follows the provider's redirect: where the browser comes back to. */
  private String authorize() throws Exception {
    Reply start = get(app.url("/auth/oidc/start"));
    assertThat(start.status()).as(start.body()).isEqualTo(303);
    String authorize = start.header("Location");
    assertThat(authorize)
        .contains("code_challenge_method=S256")
        .contains("nonce=")
        .contains("state=")
        .contains("client_id=" + CLIENT);
    Reply provided = get(authorize);
    assertThat(provided.status()).as(provided.body()).isEqualTo(302);
    String back = provided.header("Location");
    assertThat(back).startsWith("http://localhost:8080/auth/oidc/callback?");
    return back.replace("http://localhost:8080", app.url(""));
  }

  private Reply finish() throws Exception {
    return get(authorize());
  }

  private void assertNoSession() throws Exception {
    Reply list = get(app.url("/"));
    assertThat(list.status()).isEqualTo(303);
    assertThat(list.header("Location")).isEqualTo("/login");
  }

  private Reply get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        browser.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body(), response);
  }
}
