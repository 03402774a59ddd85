package dev.firebell.web;

import io.javalin.http.Context;

/**
 * The headers every HTML page carries: a Content-Security-Policy that runs no script, loads images,
 * styles and forms from Firebell only and forbids framing (so a page cannot be overlaid to trick a
 * click on Acknowledge), no content sniffing, and no caching of incident data.
 */
public final class SecurityHeaders {
  static final String POLICY =
      "default-src 'self'; img-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none';"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private SecurityHeaders() {}

  public static void apply(Context ctx) {
    ctx.header("Content-Security-Policy", POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
  }
}
