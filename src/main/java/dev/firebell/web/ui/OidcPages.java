package dev.firebell.web.ui;

import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.security.LogText;
import dev.firebell.security.Sessions;
import dev.firebell.security.oidc.OidcRefusal;
import dev.firebell.security.oidc.OidcSignIn;
import dev.firebell.web.HttpProblem;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /auth/oidc/start} and {@code GET /auth/oidc/callback}: single sign-on. The person
 * signed in is the one whose {@code email} in oncall.yaml is the provider's verified email (any
 * case); anyone else, and every failed check, ends on the log-in page without a session, logged
 * once and never with a token.
 */
public final class OidcPages {
  private static final Logger log = LoggerFactory.getLogger(OidcPages.class);
  static final String BROWSER_COOKIE = "firebell_oidc";
  static final String CALLBACK = "/auth/oidc/callback";

  private final OidcSignIn signIn;
  private final Sessions sessions;
  private final Rota rota;
  private final UiSecurity security;
  private final LoginPages login;
  private final String publicUrl;

  /**
   * @param signIn null when {@code auth.oidc} is not configured: both paths answer 404
   */
  public OidcPages(
      OidcSignIn signIn,
      Sessions sessions,
      Rota rota,
      UiSecurity security,
      LoginPages login,
      String publicUrl) {
    this.signIn = signIn;
    this.sessions = sessions;
    this.rota = rota;
    this.security = security;
    this.login = login;
    this.publicUrl = publicUrl;
  }

  public void start(Context ctx) {
    try {
      OidcSignIn.Started started = configured().start(publicUrl + CALLBACK);
      security.setCookie(ctx, BROWSER_COOKIE, started.browserToken(), Duration.ofMinutes(10));
      UiSecurity.headers(ctx);
      ctx.redirect(started.redirect().toString(), HttpStatus.SEE_OTHER);
    } catch (OidcRefusal e) {
      refuse(ctx, e);
    }
  }

  public void callback(Context ctx) {
    OidcSignIn sso = configured();
    String browser = ctx.cookie(BROWSER_COOKIE);
    security.clearCookie(ctx, BROWSER_COOKIE);
    try {
      String email =
          sso.finish(
              ctx.queryParam("state"),
              ctx.queryParam("code"),
              ctx.queryParam("error"),
              browser,
              publicUrl + CALLBACK);
      Optional<Person> person =
          rota.current().people().values().stream()
              .filter(p -> p.email() != null && p.email().equalsIgnoreCase(email))
              .findFirst();
      if (person.isEmpty()) {
        throw new OidcRefusal(
            403,
            email
                + " signed in, but no on-call person has that email: ask whoever keeps"
                + " oncall.yaml to add it to your entry (email: "
                + email.toLowerCase(Locale.ROOT)
                + ")");
      }
      String session = sessions.startSignedOn(email, person.get().id());
      security.setCookie(ctx, UiSecurity.SESSION_COOKIE, session, sessions.ttl());
      log.info("{} signed in as {} through single sign-on", LogText.safe(email), person.get().id());
      ctx.redirect("/", HttpStatus.SEE_OTHER);
    } catch (OidcRefusal e) {
      refuse(ctx, e);
    }
  }

  private OidcSignIn configured() {
    if (signIn == null) {
      throw new HttpProblem(404, "single sign-on is not configured (auth.oidc)", null);
    }
    return signIn;
  }

  private void refuse(Context ctx, OidcRefusal e) {
    log.warn(
        "single sign-on from {} refused ({}): {}",
        ctx.ip(),
        e.status(),
        LogText.safe(e.getMessage()));
    login.refused(ctx, e.status(), "Not signed in: " + e.getMessage() + ".");
  }
}
