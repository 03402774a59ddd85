package dev.firebell.web.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form a person sent that was refused: which form, why, and what they typed, carried in a
 * short-lived cookie across the redirect back to the page, so the page shows the reason beside the
 * form with their input kept instead of a separate error page.
 */
public record FormError(String form, String message, Map<String, String> values) {
  static final String COOKIE = "firebell_form";

  /** The form field naming the form, and the one naming the page it sits on. */
  public static final String FORM_FIELD = "_form";

  public static final String BACK_FIELD = "_back";
  private static final int MAX_VALUE = 1_000;
  private static final int MAX_COOKIE = 3_500;

  /**
   * Keeps the error for the page the form came from and answers true, or false when the request is
   * not such a form (the caller shows the error page instead).
   */
  public static boolean keep(Context ctx, String message, boolean secure) {
    String form = ctx.formParam(FORM_FIELD);
    String back = ctx.formParam(BACK_FIELD);
    if (form == null || !form.matches("[A-Za-z0-9._-]{1,100}") || back == null || !isLocal(back)) {
      return false;
    }
    Map<String, String> values = new LinkedHashMap<>();
    ctx.formParamMap()
        .forEach(
            (name, list) -> {
              if (!name.startsWith("_") && !list.isEmpty()) {
                String value = list.get(0);
                values.put(
                    name, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
              }
            });
    String cookie = encode(form, message, values);
    if (cookie.length() > MAX_COOKIE) {
      cookie = encode(form, message, Map.of()); // too much to keep: the reason still shows
    }
    UiSecurity.setCookie(ctx, COOKIE, cookie, Duration.ofMinutes(1), secure);
    ctx.redirect(back + "#" + form, HttpStatus.SEE_OTHER);
    return true;
  }

  /** The error a refused form left for this page, once; null when there is none. */
  static FormError take(Context ctx, UiSecurity security) {
    String cookie = ctx.cookie(COOKIE);
    if (cookie == null || cookie.isEmpty()) {
      return null;
    }
    security.clearCookie(ctx, COOKIE);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : cookie.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    String form = fields.remove(FORM_FIELD);
    String message = fields.remove("_message");
    return form == null || message == null
        ? null
        : new FormError(form, message, Map.copyOf(fields));
  }

  /**
   * Puts the error into a page's model: {@code formError} ({@code form}, {@code message}) and
   * {@code kept}, the typed values by form name, so a template reads {@code kept.declare.title}.
   */
  void addTo(Map<String, Object> model) {
    model.put("formError", Map.of("form", form, "message", message));
    model.put("kept", Map.of(form, values));
  }

  private static String encode(String form, String message, Map<String, String> values) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> entry :
        concat(Map.of(FORM_FIELD, form, "_message", message), values)) {
      if (!text.isEmpty()) {
        text.append('&');
      }
      text.append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
    }
    return text.toString();
  }

  private static List<Map.Entry<String, String>> concat(
      Map<String, String> first, Map<String, String> second) {
    List<Map.Entry<String, String>> all = new ArrayList<>(first.entrySet());
    all.addAll(second.entrySet());
    return all;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** A path on this server: never another site ({@code //host}, {@code https://…}). */
  private static boolean isLocal(String path) {
    return path.startsWith("/")
        && !path.startsWith("//")
        && !path.contains("\\")
        && path.length() < 200;
  }
}
