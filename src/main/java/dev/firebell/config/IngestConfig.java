package dev.firebell.config;

import java.time.Duration;

/** How webhook senders (Grafana, Alertmanager) authenticate, and how large a body may be. */
public record IngestConfig(
    String bearerToken,
    BasicAuth basicAuth,
    Hmac hmac,
    Boolean allowUnauthenticated,
    Long maxBodyBytes) {

  /**
   * 16 MiB: Alertmanager sends every alert of a group by default, and one group of 20,000 alerts is
   * about 12 MB; the body is read as a stream, so the limit is not memory held per request.
   */
  public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

  public IngestConfig {
    bearerToken = bearerToken == null ? "" : bearerToken;
    basicAuth = basicAuth == null ? new BasicAuth(null, null) : basicAuth;
    hmac = hmac == null ? new Hmac(null, null, null, null) : hmac;
    allowUnauthenticated = allowUnauthenticated != null && allowUnauthenticated;
    maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
  }

  public static IngestConfig defaults() {
    return new IngestConfig(null, null, null, null, null);
  }

  public static IngestConfig bearer(String token) {
    return new IngestConfig(token, null, null, null, null);
  }

  public boolean hasBearerToken() {
    return !bearerToken.isEmpty();
  }

  public boolean hasAnyCredential() {
    return hasBearerToken() || basicAuth.isConfigured() || hmac.isConfigured();
  }

  /** HTTP basic auth as Grafana's "Basic auth" webhook option or Alertmanager's basic_auth. */
  public record BasicAuth(String username, String password) {
    public BasicAuth {
      username = username == null ? "" : username;
      password = password == null ? "" : password;
    }

    public boolean isConfigured() {
      return !username.isEmpty() || !password.isEmpty();
    }
  }

  /**
   * Grafana's optional HMAC-SHA256 signature of the body. With a timestamp header configured the
   * signed text is {@code timestamp + ":" + body}, and stale timestamps are refused.
   */
  public record Hmac(String secret, String header, String timestampHeader, Duration maxSkew) {
    public static final String DEFAULT_HEADER = "X-Grafana-Alerting-Signature";

    public Hmac {
      secret = secret == null ? "" : secret;
      header = header == null || header.isBlank() ? DEFAULT_HEADER : header;
      timestampHeader = timestampHeader == null ? "" : timestampHeader;
      maxSkew = maxSkew == null ? Duration.ofMinutes(5) : maxSkew;
    }

    public boolean isConfigured() {
      return !secret.isEmpty();
    }

    public boolean usesTimestamp() {
      return !timestampHeader.isEmpty();
    }
  }
}
