package dev.firebell.store;

import dev.firebell.security.Hashing;

/**
 * An identifier for a width-limited, indexed column that still compares on the full value: text
 * that fits is stored as it is; longer text becomes its start plus a SHA-256 digest of all of it,
 * so two long values that differ anywhere get different keys.
 */
public final class BoundedKey {
  private static final int DIGEST_PART = 1 + 64;

  private BoundedKey() {}

  public static String of(String value, int width) {
    if (value == null || value.length() <= width) {
      return value;
    }
    int keep = width - DIGEST_PART;
    if (Character.isHighSurrogate(value.charAt(keep - 1))) {
      keep--;
    }
    return value.substring(0, keep) + "#" + Hashing.sha256Hex(value);
  }

  /** Whether {@link #of} changed the value, so the full text must be kept beside the key. */
  public static boolean isDigested(String value, int width) {
    return value != null && value.length() > width;
  }
}
