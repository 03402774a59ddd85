package dev.firebell.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Acknowledge and resolve link tokens: {@code payload.signature}, both base64url. The payload binds
 * the incident, the person, the action and an expiry, plus a random nonce so that no two tokens are
 * alike; the signature is HMAC-SHA256 with the link secret.
 */
public final class LinkTokens {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String VERSION = "v1";

  private final byte[] secret;
  private final Duration ttl;
  private final SecureRandom random = new SecureRandom();

  public LinkTokens(String secret, Duration ttl) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.ttl = ttl;
  }

  public String issue(long incidentId, String personId, LinkAction action, Instant now) {
    return issueUntil(incidentId, personId, action, now.plus(ttl));
  }

  /** A token that expires at {@code expiresAt} rather than after the configured TTL. */
  public String issueUntil(long id, String personId, LinkAction action, Instant expiresAt) {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    String payload =
        String.join(
            "|",
            VERSION,
            Long.toString(id),
            ENCODER.encodeToString(personId.getBytes(StandardCharsets.UTF_8)),
            action.name(),
            Long.toString(expiresAt.getEpochSecond()),
            ENCODER.encodeToString(nonce));
    String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return encoded + "." + ENCODER.encodeToString(sign(encoded));
  }

  /**
   * Checks a token for the action its URL names.
   *
   * @throws InvalidLink when the token is malformed, forged or tampered with, or expired
   */
  public LinkClaims verify(String token, LinkAction action, Instant now) {
    int dot = token.indexOf('.');
    if (dot <= 0 || dot == token.length() - 1 || token.length() > 1000) {
      throw new InvalidLink(InvalidLink.Reason.MALFORMED, "this link is not a Firebell link");
    }
    String encoded = token.substring(0, dot);
    byte[] signature = decode(token.substring(dot + 1));
    if (!MessageDigest.isEqual(signature, sign(encoded))) {
      throw new InvalidLink(InvalidLink.Reason.FORGED, "this link was altered or not issued here");
    }
    String[] fields = new String(decode(encoded), StandardCharsets.UTF_8).split("\\|");
    if (fields.length != 6 || !fields[0].equals(VERSION) || !fields[3].equals(action.name())) {
      throw new InvalidLink(
          InvalidLink.Reason.MALFORMED, "this link is not a " + action.path() + " link");
    }
    Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[4]));
    if (!now.isBefore(expiresAt)) {
      throw new InvalidLink(InvalidLink.Reason.EXPIRED, "this link expired at " + expiresAt);
    }
    String personId = new String(decode(fields[2]), StandardCharsets.UTF_8);
    // A use is recorded by the token's random part, so no other spelling of it can be used again.
    return new LinkClaims(Long.parseLong(fields[1]), personId, action, expiresAt, hash(fields[5]));
  }

  private byte[] sign(String encodedPayload) {
    return Hashing.hmacSha256(secret, encodedPayload.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Base64url as issued: unpadded, and spelled the one way the encoder writes it. Java's decoder
   * also takes "=" padding and ignores the unused low bits of the last character, so several
   * spellings decode to the same bytes; only the canonical one is a link.
   */
  private static byte[] decode(String text) {
    byte[] bytes;
    try {
      bytes = DECODER.decode(text);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    if (!ENCODER.encodeToString(bytes).equals(text)) {
      throw malformed();
    }
    return bytes;
  }

  private static InvalidLink malformed() {
    return new InvalidLink(InvalidLink.Reason.MALFORMED, "this link is not a Firebell link");
  }

  private static String hash(String nonce) {
    return HexFormat.of().formatHex(Hashing.sha256(nonce.getBytes(StandardCharsets.UTF_8)));
  }
}
