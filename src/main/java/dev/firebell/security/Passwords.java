package dev.firebell.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashes, as {@code firebell.jar hash-password} prints them. */
public final class Passwords {
  private static final int COST = 12;

  private Passwords() {}

  public static String hash(String password) {
    return hash(password, COST);
  }

  /** A lower cost is only for tests. */
  public static String hash(String password, int cost) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  public static boolean matches(String password, String hash) {
    return BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }

  /** Whether the text has the shape of a bcrypt hash. */
  public static boolean looksLikeHash(String hash) {
    return hash != null && hash.matches("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
  }
}
