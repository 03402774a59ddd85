package dev.firebell.ingest;

import dev.firebell.config.IngestConfig;
import dev.firebell.security.Hashing;
import dev.firebell.security.SecretDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a webhook's credentials. When a bearer token or basic auth is configured, the request must
 * carry one of them; when an HMAC secret is configured, its signature must be valid too. Secrets
 * are compared in constant time.
 */
final class WebhookAuthenticator {
  private final IngestConfig config;
  private final SecretDigest bearerToken;
  private final SecretDigest basicCredentials;

  WebhookAuthenticator(IngestConfig config) {
    this.config = config;
    this.bearerToken = SecretDigest.of(config.hasBearerToken() ? config.bearerToken() : "");
    this.basicCredentials =
        SecretDigest.of(config.basicAuth().username() + ":" + config.basicAuth().password());
  }

  /**
   * Why the request is refused on its headers alone, or empty when they may pass. Checked before
   * the body is read, so a client without credentials cannot make Firebell read megabytes.
   *
   * @param header looks a request header up by name, null when absent
   */
  Optional<String> headerRefusal(Function<String, String> header) {
    if (!config.hasAnyCredential()) {
      return Optional.empty(); // allowUnauthenticated, checked at start-up
    }
    boolean needsAuthorization = config.hasBearerToken() || config.basicAuth().isConfigured();
    if (needsAuthorization && !authorizationMatches(header.apply("Authorization"))) {
      return Optional.of("missing or wrong credentials in the Authorization header");
    }
    if (config.hmac().isConfigured()) {
      String signature = header.apply(config.hmac().header());
      if (signature == null || signature.isBlank()) {
        return Optional.of("missing signature header " + config.hmac().header());
      }
    }
    return Optional.empty();
  }

  /** Whether the body must be read whole before it can be judged (an HMAC signature). */
  boolean needsBody() {
    return config.hmac().isConfigured();
  }

  /** Why a signed body is refused, or empty when its signature is valid. */
  Optional<String> bodyRefusal(Function<String, String> header, byte[] body, Instant now) {
    return needsBody() ? signatureRefusal(header, body, now) : Optional.empty();
  }

  /** Both checks, for callers that already hold the body. */
  Optional<String> refusal(Function<String, String> header, byte[] body, Instant now) {
    return headerRefusal(header).or(() -> bodyRefusal(header, body, now));
  }

  private boolean authorizationMatches(String authorization) {
    if (authorization == null) {
      return false;
    }
    int space = authorization.indexOf(' ');
    if (space < 0) {
      return false;
    }
    String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
    String credentials = authorization.substring(space + 1).strip();
    if (scheme.equals("bearer") && config.hasBearerToken()) {
      return bearerToken.matches(credentials);
    }
    if (scheme.equals("basic") && config.basicAuth().isConfigured()) {
      return basicCredentials.matches(decodeBasic(credentials));
    }
    return false;
  }

  private static String decodeBasic(String credentials) {
    try {
      return new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private Optional<String> signatureRefusal(
      Function<String, String> header, byte[] body, Instant now) {
    IngestConfig.Hmac hmac = config.hmac();
    String signature = header.apply(hmac.header());
    if (signature == null || signature.isBlank()) {
      return Optional.of("missing signature header " + hmac.header());
    }
    byte[] signed = body;
    if (hmac.usesTimestamp()) {
      String timestamp = header.apply(hmac.timestampHeader());
      Optional<String> stale = timestampRefusal(timestamp, now, hmac.maxSkew());
      if (stale.isPresent()) {
        return stale;
      }
      signed = concat((timestamp.strip() + ":").getBytes(StandardCharsets.UTF_8), body);
    }
    String expected =
        HexFormat.of()
            .formatHex(Hashing.hmacSha256(hmac.secret().getBytes(StandardCharsets.UTF_8), signed));
    if (!Hashing.constantTimeEquals(signature.strip().toLowerCase(Locale.ROOT), expected)) {
      return Optional.of("the signature in " + hmac.header() + " does not match the body");
    }
    return Optional.empty();
  }

  private Optional<String> timestampRefusal(String timestamp, Instant now, Duration maxSkew) {
    String header = config.hmac().timestampHeader();
    if (timestamp == null || timestamp.isBlank()) {
      return Optional.of("missing timestamp header " + header);
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Optional.of(header + " is not a Unix time in seconds");
    }
    Duration skew = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
    if (skew.compareTo(maxSkew) > 0) {
      return Optional.of(header + " is more than " + maxSkew.toSeconds() + " s from our clock");
    }
    return Optional.empty();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = new byte[first.length + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }
}
