package dev.firebell.security;

/**
 * Text from a client, made safe for one log line: control characters (a newline would forge a
 * second line) are written as {@code \\uXXXX}, and the text is cut to 200 characters.
 */
public final class LogText {
  private static final int MAX = 200;

  private LogText() {}

  public static String safe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX) + 8);
    for (int index = 0; index < text.length() && safe.length() < MAX; index++) {
      char c = text.charAt(index);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        safe.append(String.format("\\u%04x", (int) c));
      } else {
        safe.append(c);
      }
    }
    return text.length() > MAX && safe.length() >= MAX ? safe + "…" : safe.toString();
  }
}
