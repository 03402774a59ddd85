package dev.firebell.web.ui;

import dev.firebell.config.AuthConfig;
import dev.firebell.config.UserConfig;
import dev.firebell.security.Hashing;
import dev.firebell.security.LogText;
import dev.firebell.security.LoginThrottle;
import dev.firebell.security.Passwords;
import dev.firebell.security.Sessions;
import dev.firebell.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET/POST /login} and {@code POST /logout}. The log-in form is protected by a double-submit
 * token (a cookie and a hidden field that must match); repeated failures for one username are
 * slowed down.
 */
public final class LoginPages {
  private static final Logger log = LoggerFactory.getLogger(LoginPages.class);
  private static final String LOGIN_COOKIE = "firebell_login";

  /**
   * Compared against when the username is unknown, so timing does not tell usernames apart. A fixed
   * bcrypt hash (cost 12, like real ones) rather than one computed at start-up, which took a third
   * of a second.
   */
  private static final String DECOY_HASH =
      "$2a$12$oYijvoRYyBFFGf1y18zJUubXXu2MmRCcV7e7us9lVg2ZnH5wkvfrq";

  private final List<UserConfig> users;
  private final AuthConfig auth;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final UiSecurity security;
  private final Pages pages;
  private final SecureRandom random = new SecureRandom();

  public LoginPages(
      List<UserConfig> users,
      AuthConfig auth,
      Sessions sessions,
      LoginThrottle throttle,
      UiSecurity security,
      Pages pages) {
    this.users = users;
    this.auth = auth;
    this.sessions = sessions;
    this.throttle = throttle;
    this.security = security;
    this.pages = pages;
  }

  public void form(Context ctx) {
    show(ctx, 200, null, "");
  }

  /** The log-in page with a refusal of single sign-on, and its status. */
  void refused(Context ctx, int status, String error) {
    show(ctx, status, error, "");
  }

  public void login(Context ctx) {
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    if (!auth.localUsers()) {
      show(
          ctx,
          403,
          "Log-in with a password is turned off: sign in with " + auth.oidc().displayName() + ".",
          "");
      return;
    }
    String token = ctx.formParam(UiSecurity.CSRF_FIELD);
    String cookie = ctx.cookie(LOGIN_COOKIE);
    if (token == null || cookie == null || !Hashing.constantTimeEquals(token, cookie)) {
      show(ctx, 403, "The log-in form expired. Please try again.", username);
      return;
    }
    Optional<UserConfig> user =
        users.stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst();
    Optional<Duration> wait = throttle.reserve(username, user.isPresent(), ctx.ip());
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      ctx.header("Retry-After", String.valueOf(seconds));
      show(ctx, 429, "Too many failed attempts. Try again in " + seconds + " seconds.", username);
      return;
    }
    boolean valid =
        Passwords.matches(password, user.map(UserConfig::passwordHash).orElse(DECOY_HASH))
            && user.isPresent();
    if (!valid) {
      log.warn("failed log-in for user '{}' from {}", LogText.safe(username), ctx.ip());
      show(ctx, 401, "Wrong username or password.", username);
      return;
    }
    throttle.succeeded(username, ctx.ip());
    String session = sessions.start(user.get().username(), user.get().person());
    security.setCookie(ctx, UiSecurity.SESSION_COOKIE, session, sessions.ttl());
    security.clearCookie(ctx, LOGIN_COOKIE);
    log.info("user '{}' logged in", LogText.safe(username));
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  public void logout(Context ctx) {
    security.sessionWithCsrf(ctx);
    sessions.end(ctx.cookie(UiSecurity.SESSION_COOKIE));
    security.clearCookie(ctx, UiSecurity.SESSION_COOKIE);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx, int status, String error, String username) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    security.setCookie(ctx, LOGIN_COOKIE, token, Duration.ofHours(1));
    UiSecurity.headers(ctx);
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("csrf", token);
    model.put("username", username);
    model.put("error", error);
    model.put("localUsers", auth.localUsers());
    if (auth.oidc().isConfigured()) {
      model.put("oidcName", auth.oidc().displayName());
    }
    ctx.status(status).html(pages.render("ui/login.peb", model));
  }
}
