package dev.firebell.channel.slack;

import dev.firebell.security.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Slack's request signing: {@code X-Slack-Signature} is {@code v0=} and the hex HMAC-SHA256 of
 * {@code v0:<X-Slack-Request-Timestamp>:<raw body>} keyed with the app's signing secret. A request
 * stamped more than five minutes from now is refused, so a captured one cannot be replayed later.
 */
public final class SlackSignature {
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** Why a request was taken or refused. */
  public enum Check {
    VALID("valid"),
    MISSING("no X-Slack-Signature or X-Slack-Request-Timestamp"),
    STALE("X-Slack-Request-Timestamp is more than 5 minutes from now"),
    MISMATCH("the signature does not match");

    private final String reason;

    Check(String reason) {
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  private SlackSignature() {}

  public static String sign(String secret, String timestamp, String body) {
    byte[] mac =
        Hashing.hmacSha256(
            secret.getBytes(StandardCharsets.UTF_8),
            ("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
    return "v0=" + HexFormat.of().formatHex(mac);
  }

  public static Check check(
      String secret, String timestamp, String signature, String body, Instant now) {
    if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
      return Check.MISSING;
    }
    Instant stamped = Instant.ofEpochSecond(Long.parseLong(timestamp));
    if (Duration.between(stamped, now).abs().compareTo(TOLERANCE) > 0) {
      return Check.STALE;
    }
    return Hashing.constantTimeEquals(signature, sign(secret, timestamp, body))
        ? Check.VALID
        : Check.MISMATCH;
  }
}
