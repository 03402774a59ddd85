package dev.firebell.postmortem;

import java.util.regex.Pattern;

/**
 * Keeps text that came from alerts from changing a Markdown document's structure: one line, with
 * every character that Markdown could read as syntax escaped.
 */
final class Markdown {
  /**
   * Inline syntax only: alert text never starts a line here, so list and heading marks are safe.
   */
  private static final String SPECIAL = "\\`*_[]<>|~";

  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

  private Markdown() {}

  /** Alert-derived text on one line with Markdown syntax escaped. */
  static String inline(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    appendInline(escaped, text);
    return escaped.toString();
  }

  /** {@link #inline} appended to {@code out}. */
  static void appendInline(StringBuilder out, String text) {
    if (text == null) {
      return;
    }
    String line = oneLine(text);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
  }

  /** A person's text on one line, their Markdown kept. */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String stripped = text.strip();
    // The regular expression backtracks over every run of spaces; most text has no line break.
    if (stripped.indexOf('\n') < 0 && stripped.indexOf('\r') < 0) {
      return stripped;
    }
    return LINE_BREAKS.matcher(stripped).replaceAll(" ");
  }

  /**
   * A link to a sender's URL, or null when it is not plain http(s): a {@code javascript:} or {@code
   * data:} URL from an alert must not become a link. Spaces, parentheses and angle brackets are
   * percent-encoded so the URL cannot end the link early.
   */
  static String link(String label, String url) {
    if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
      return null;
    }
    String safe =
        url.replace(" ", "%20")
            .replace("(", "%28")
            .replace(")", "%29")
            .replace("<", "%3C")
            .replace(">", "%3E");
    return "[" + inline(label) + "](" + safe + ")";
  }
}
