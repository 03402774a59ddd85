package dev.firebell.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Tokens for calendar feeds ({@code /calendar/<token>.ics}), signed with the link secret like the
 * links in pages. A calendar app fetches its URL for months, so these never expire and are the same
 * every time they are made; changing {@code security.linkSecret} revokes them all.
 */
public final class CalendarTokens {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String VERSION = "cal1";

  private final byte[] secret;

  public CalendarTokens(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** What a feed shows: one schedule's shifts, or one person's across every schedule. */
  public record Feed(Kind kind, String id) {
    public enum Kind {
      SCHEDULE,
      PERSON
    }
  }

  public String issue(Feed feed) {
    String payload =
        VERSION
            + "|"
            + feed.kind().name()
            + "|"
            + ENCODER.encodeToString(feed.id().getBytes(StandardCharsets.UTF_8));
    String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return encoded + "." + ENCODER.encodeToString(sign(encoded));
  }

  /** The feed a token names, or empty when it is malformed or not signed here. */
  public Optional<Feed> verify(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0 || token.length() > 1000) {
      return Optional.empty();
    }
    String encoded = token.substring(0, dot);
    try {
      if (!Hashing.constantTimeEquals(
          token.substring(dot + 1), ENCODER.encodeToString(sign(encoded)))) {
        return Optional.empty();
      }
      String[] fields = new String(DECODER.decode(encoded), StandardCharsets.UTF_8).split("\\|");
      if (fields.length != 3 || !fields[0].equals(VERSION)) {
        return Optional.empty();
      }
      return Optional.of(
          new Feed(
              Feed.Kind.valueOf(fields[1]),
              new String(DECODER.decode(fields[2]), StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) { // not base64url, or an unknown kind
      return Optional.empty();
    }
  }

  private byte[] sign(String encodedPayload) {
    byte[] message = ("calendar:" + encodedPayload).getBytes(StandardCharsets.US_ASCII);
    return Hashing.hmacSha256(secret, message);
  }
}
