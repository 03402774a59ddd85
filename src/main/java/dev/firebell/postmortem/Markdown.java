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
  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>|~])");

  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

  private Markdown() {}

  /** Alert-derived text on one line with Markdown syntax escaped. */
  static String inline(String text) {
    if (text == null) {
      return "";
    }
    return SPECIAL.matcher(oneLine(text)).replaceAll("\\\\$1");
  }

  /** A person's text on one line, their Markdown kept. */
  static String oneLine(String text) {
    return text == null ? "" : LINE_BREAKS.matcher(text.strip()).replaceAll(" ");
  }
}
