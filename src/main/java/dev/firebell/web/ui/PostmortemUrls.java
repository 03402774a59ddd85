package dev.firebell.web.ui;

import java.util.Locale;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * What a rendered postmortem may link to and load. People write notes and alerts carry text, so a
 * link may go to http(s) or mail only (never {@code javascript:} or {@code data:}), and an image
 * may only come from Firebell itself: an image from elsewhere would tell its server who read the
 * postmortem and when.
 */
final class PostmortemUrls implements UrlSanitizer {
  @Override
  public String sanitizeLinkUrl(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith("mailto:")
        || isRelative(lower)) {
      return url;
    }
    return "";
  }

  @Override
  public String sanitizeImageUrl(String url) {
    return isRelative(url.strip().toLowerCase(Locale.ROOT)) ? url : "";
  }

  /** A path on this server: "/…" but not "//host/…", and no scheme. */
  private static boolean isRelative(String url) {
    return url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\");
  }
}
