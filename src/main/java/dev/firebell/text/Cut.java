package dev.firebell.text;

/**
 * Shortens text for display with a trailing "…", never inside a surrogate pair, so the result is
 * always valid Unicode that a database column or a chat service accepts.
 */
public final class Cut {
  public static final String ELLIPSIS = "…";

  private Cut() {}

  /** At most {@code maxChars} UTF-16 units (Java's and the databases' character count). */
  public static String toChars(String text, int maxChars) {
    if (text == null || text.length() <= maxChars) {
      return text;
    }
    return text.substring(0, boundary(text, maxChars - ELLIPSIS.length())) + ELLIPSIS;
  }

  /** At most {@code maxBytes} bytes once encoded as UTF-8. */
  public static String toUtf8Bytes(String text, int maxBytes) {
    if (text == null || utf8Length(text) <= maxBytes) {
      return text;
    }
    int room = maxBytes - utf8Length(ELLIPSIS);
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int size = utf8Length(codePoint);
      if (bytes + size > room) {
        break;
      }
      bytes += size;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end) + ELLIPSIS;
  }

  public static int utf8Length(String text) {
    int bytes = 0;
    for (int index = 0; index < text.length(); ) {
      int codePoint = text.codePointAt(index);
      bytes += utf8Length(codePoint);
      index += Character.charCount(codePoint);
    }
    return bytes;
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }

  /** A cut point at or before {@code index} that does not split a surrogate pair. */
  private static int boundary(String text, int index) {
    int end = Math.max(0, index);
    if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
