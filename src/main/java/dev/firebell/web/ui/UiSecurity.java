package dev.firebell.web.ui;

import dev.firebell.oncall.Role;
import dev.firebell.security.Hashing;
import dev.firebell.security.Sessions;
import dev.firebell.security.WebSession;
import dev.firebell.web.SecurityHeaders;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.Function;

/**
 * Session cookies, CSRF checks and security headers for the web interface. The session cookie is
 * HttpOnly, SameSite=Lax, and Secure when Firebell is served over https.
 */
public final class UiSecurity {
  static final String SESSION_COOKIE = "firebell_session";
  static final String FLASH_COOKIE = "firebell_flash";
  static final String CSRF_FIELD = "_csrf";

  private final Sessions sessions;
  private final boolean secureCookies;
  private final Function<String, Role> roleOf;

  /**
   * @param roleOf a person's role in the rota as it is now
   */
  public UiSecurity(Sessions sessions, String publicUrl, Function<String, Role> roleOf) {
    this.sessions = sessions;
    this.secureCookies = publicUrl.startsWith("https://");
    this.roleOf = roleOf;
  }

  /** The logged-in person's role. */
  Role role(WebSession session) {
    return roleOf.apply(session.personId());
  }

  /**
   * A form post (with its CSRF token) by someone whose role allows {@code needed}; 403 naming the
   * role otherwise.
   *
   * @param what the action, as the refusal names it ("Acknowledging")
   */
  WebSession acting(Context ctx, Role needed, String what) {
    WebSession session = sessionWithCsrf(ctx);
    Role role = role(session);
    if (!role.allows(needed)) {
      throw new PageProblem(
          403,
          what + " needs the " + needed.wireName() + " role; you are a " + role.wireName() + ".");
    }
    return session;
  }

  /** The logged-in user, or {@link LoginRequired}. */
  WebSession session(Context ctx) {
    headers(ctx);
    return sessions.find(ctx.cookie(SESSION_COOKIE)).orElseThrow(LoginRequired::new);
  }

  /** A form post must carry the session's CSRF token. */
  WebSession sessionWithCsrf(Context ctx) {
    WebSession session = session(ctx);
    String token = ctx.formParam(CSRF_FIELD);
    if (token == null || !Hashing.constantTimeEquals(token, session.csrfToken())) {
      throw new PageProblem(
          403,
          "This form has expired or did not come from Firebell. Reload the page and try again.");
    }
    return session;
  }

  void setCookie(Context ctx, String name, String value, Duration maxAge) {
    setCookie(ctx, name, value, maxAge, secureCookies);
  }

  /** Every cookie Firebell sets: site-wide, HttpOnly, SameSite=Lax, Secure over https. */
  static void setCookie(Context ctx, String name, String value, Duration maxAge, boolean secure) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path=/; Max-Age="
                + maxAge.toSeconds()
                + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
  }

  /** A short confirmation for the page the action redirects to (shown there once). */
  void flash(Context ctx, String message) {
    setCookie(
        ctx,
        FLASH_COOKIE,
        java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8),
        Duration.ofMinutes(1));
  }

  /** The confirmation an action left for this page, once; null when there is none. */
  String takeFlash(Context ctx) {
    String value = ctx.cookie(FLASH_COOKIE);
    if (value == null || value.isEmpty()) {
      return null;
    }
    clearCookie(ctx, FLASH_COOKIE);
    try {
      return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null; // not one this server set
    }
  }

  /**
   * Into a page's model, once: the confirmation of the action that led here, and the form that was
   * refused with what was typed in it.
   */
  void feedback(Context ctx, java.util.Map<String, Object> model) {
    String flash = takeFlash(ctx);
    if (flash != null) {
      model.put("flash", flash);
    }
    FormError refused = FormError.take(ctx, this);
    if (refused != null) {
      refused.addTo(model);
    }
  }

  void clearCookie(Context ctx, String name) {
    setCookie(ctx, name, "", Duration.ZERO);
  }

  /** Pages cannot be framed, sniffed, or load anything but Firebell's own resources. */
  public static void headers(Context ctx) {
    SecurityHeaders.apply(ctx);
    ctx.header("Referrer-Policy", "same-origin");
  }
}
