package dev.firebell.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A configured secret kept as its SHA-256, so that a request's credential is compared with it in
 * time that depends on neither's content nor length, digesting only the request's side each time.
 */
public final class SecretDigest {
  private final byte[] digest;

  private SecretDigest(byte[] digest) {
    this.digest = digest;
  }

  public static SecretDigest of(String secret) {
    return new SecretDigest(Hashing.sha256(secret.getBytes(StandardCharsets.UTF_8)));
  }

  public boolean matches(String given) {
    return MessageDigest.isEqual(Hashing.sha256(given.getBytes(StandardCharsets.UTF_8)), digest);
  }
}
