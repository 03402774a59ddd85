package dev.firebell.config;

import dev.firebell.security.Passwords;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks the values that binding alone cannot, so start-up fails before anything listens. */
final class ConfigValidator {
  private final String file;

  ConfigValidator(String file) {
    this.file = file;
  }

  void validate(FirebellConfig config) {
    validateServer(config.server());
    validateDatabase(config.database());
    validateIngest(config.ingest());
    validateSeverity(config.severity());
    validatePaging(config.paging());
    validateUsers(config.users());
    validateMaintenance(config.maintenance());
    validateHeartbeats(config.heartbeats());
    validateSilences(config.silences(), config.grafana());
    validateUpstream(config.upstream());
    validateAuth(config.auth());
    java.time.Duration notice = config.oncall().handoffNotice();
    if (notice != null
        && (notice.compareTo(java.time.Duration.ofMinutes(1)) < 0
            || notice.compareTo(java.time.Duration.ofDays(7)) > 0)) {
      throw new ConfigException(file, "oncall.handoffNotice", "must be between 1m and 7d");
    }
    if (config.security().linkTtl().compareTo(java.time.Duration.ofMinutes(1)) < 0) {
      throw new ConfigException(file, "security.linkTtl", "must be at least 1m");
    }
  }

  private void validateMaintenance(List<MaintenanceEntry> windows) {
    for (int i = 0; i < windows.size(); i++) {
      MaintenanceEntry window = windows.get(i);
      String key = "maintenance[" + i + "]";
      try {
        if (!window.toTime().isAfter(window.fromTime())) {
          throw new ConfigException(file, key + ".to", "must be after from");
        }
      } catch (java.time.format.DateTimeParseException | NullPointerException e) {
        throw new ConfigException(
            file,
            key,
            "from and to must be ISO-8601 times with an offset, like 2026-12-24T09:00:00Z");
      }
    }
  }

  private void validateUsers(List<UserConfig> users) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < users.size(); i++) {
      UserConfig user = users.get(i);
      String key = "users[" + i + "]";
      if (user.username() == null || user.username().isBlank()) {
        throw new ConfigException(file, key + ".username", "is required");
      }
      if (!seen.add(user.username().toLowerCase(Locale.ROOT))) {
        throw new ConfigException(
            file, key + ".username", "'" + user.username() + "' is listed twice");
      }
      if (!Passwords.looksLikeHash(user.passwordHash())) {
        throw new ConfigException(
            file,
            key + ".passwordHash",
            "must be a bcrypt hash; make one with: java -jar firebell.jar hash-password");
      }
      if (user.person() == null || user.person().isBlank()) {
        throw new ConfigException(
            file, key + ".person", "is required (the on-call person id this user acts as)");
      }
    }
  }

  private void validateSilences(SilencesConfig silences, GrafanaConfig grafana) {
    java.time.Duration max = silences.maxDuration();
    if (max.compareTo(java.time.Duration.ofMinutes(1)) < 0
        || max.compareTo(java.time.Duration.ofDays(30)) > 0) {
      throw new ConfigException(file, "silences.maxDuration", "must be between 1m and 30d");
    }
    senderUrl(silences.alertmanager().url(), "silences.alertmanager.url");
    senderUrl(grafana.url(), "grafana.url");
    tokenBesideUrl(silences.alertmanager(), "silences.alertmanager");
    tokenBesideUrl(grafana.api(), "grafana");
  }

  /** A token goes only to the URL configured beside it, never to an address a payload names. */
  private void tokenBesideUrl(UpstreamApi api, String key) {
    if (api.token() != null && api.url() == null) {
      throw new ConfigException(
          file,
          key + ".token",
          "needs " + key + ".url: a token is sent only to the URL configured beside it");
    }
  }

  private void validateAuth(AuthConfig auth) {
    AuthConfig.Oidc oidc = auth.oidc();
    if (oidc.isConfigured()) {
      senderUrl(oidc.issuer(), "auth.oidc.issuer");
      if (oidc.clientId() == null) {
        throw new ConfigException(file, "auth.oidc.clientId", "is required with auth.oidc.issuer");
      }
      if (!oidc.scopes().contains("openid")) {
        throw new ConfigException(file, "auth.oidc.scopes", "must include openid");
      }
    } else if (oidc.clientId() != null) {
      throw new ConfigException(file, "auth.oidc.issuer", "is required with auth.oidc.clientId");
    }
    if (!auth.localUsers() && !oidc.isConfigured()) {
      throw new ConfigException(
          file, "auth.localUsers", "is false but auth.oidc is not set: nobody could sign in");
    }
  }

  private void validateUpstream(UpstreamConfig upstream) {
    List<String> origins = upstream.allowedOrigins();
    for (int i = 0; i < origins.size(); i++) {
      String origin = origins.get(i);
      if (UpstreamConfig.origin(origin).filter(origin::equals).isEmpty()) {
        throw new ConfigException(
            file,
            "upstream.allowedOrigins[" + i + "]",
            "'"
                + origin
                + "' is not an origin (write https://grafana.example.com[:port], no path)");
      }
    }
  }

  private void senderUrl(String url, String key) {
    if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
      throw new ConfigException(file, key, "must be an http:// or https:// URL");
    }
  }

  /** Ids go into a URL path and a database key, so they are short and plain. */
  private void validateHeartbeats(List<HeartbeatEntry> heartbeats) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < heartbeats.size(); i++) {
      HeartbeatEntry entry = heartbeats.get(i);
      String key = "heartbeats[" + i + "]";
      if (entry.id() == null || !entry.id().matches("[A-Za-z0-9._-]{1,200}")) {
        throw new ConfigException(
            file, key + ".id", "is required: letters, digits, '.', '_' or '-', at most 200");
      }
      if (!seen.add(entry.id())) {
        throw new ConfigException(file, key + ".id", "'" + entry.id() + "' is listed twice");
      }
      if (entry.interval() == null
          || entry.interval().compareTo(java.time.Duration.ofMinutes(1)) < 0) {
        throw new ConfigException(file, key + ".interval", "is required and at least 1m");
      }
      if (entry.alertname() != null && !names.add(entry.alertname())) {
        throw new ConfigException(
            file, key + ".alertname", "'" + entry.alertname() + "' belongs to another heartbeat");
      }
    }
  }

  private void validatePaging(PagingConfig paging) {
    if (paging.maxPagesPerPersonPerMinute() < 1) {
      throw new ConfigException(file, "paging.maxPagesPerPersonPerMinute", "must be at least 1");
    }
    if (paging.maxAttempts() < 1) {
      throw new ConfigException(file, "paging.maxAttempts", "must be at least 1");
    }
    if (paging.pollInterval().toMillis() < 100) {
      throw new ConfigException(file, "paging.pollInterval", "must be at least 100ms");
    }
    if (paging.initialBackoff().isNegative() || paging.maxBackoff().isNegative()) {
      throw new ConfigException(file, "paging", "backoff durations must not be negative");
    }
    if (paging.requestTimeout().toMillis() < 100) {
      throw new ConfigException(file, "paging.requestTimeout", "must be at least 100ms");
    }
  }

  private void validateServer(ServerConfig server) {
    if (server.port() < 0 || server.port() > 65535) {
      throw new ConfigException(file, "server.port", "must be between 0 and 65535");
    }
    try {
      URI uri = new URI(server.publicUrl());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new ConfigException(
            file, "server.publicUrl", "must be an http:// or https:// URL with a host");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(file, "server.publicUrl", "is not a URL: " + e.getMessage());
    }
  }

  private void validateDatabase(DatabaseConfig database) {
    if (database.url().isEmpty()) {
      throw new ConfigException(file, "database.url", "is required");
    }
    if (!database.isH2() && !database.isPostgres()) {
      throw new ConfigException(
          file, "database.url", "must start with jdbc:h2: or jdbc:postgresql:");
    }
    if (database.maxPoolSize() < 1) {
      throw new ConfigException(file, "database.maxPoolSize", "must be at least 1");
    }
  }

  private void validateIngest(IngestConfig ingest) {
    if (ingest.maxBodyBytes() < 1024) {
      throw new ConfigException(file, "ingest.maxBodyBytes", "must be at least 1024");
    }
    if (ingest.basicAuth().isConfigured()
        && (ingest.basicAuth().username().isEmpty() || ingest.basicAuth().password().isEmpty())) {
      throw new ConfigException(file, "ingest.basicAuth", "needs both a username and a password");
    }
    if (ingest.hmac().maxSkew().isNegative() || ingest.hmac().maxSkew().isZero()) {
      throw new ConfigException(file, "ingest.hmac.maxSkew", "must be positive");
    }
    if (!ingest.hasAnyCredential() && !ingest.allowUnauthenticated()) {
      throw new ConfigException(
          file,
          "ingest",
          "no webhook credentials are configured (set ingest.bearerToken, ingest.basicAuth or"
              + " ingest.hmac.secret, or set ingest.allowUnauthenticated: true)");
    }
  }

  private void validateSeverity(SeverityConfig severity) {
    if (severity.defaultSeverity().isBlank()) {
      throw new ConfigException(file, "severity.default", "must not be empty");
    }
    if (!severity.map().containsValue(severity.defaultSeverity())) {
      throw new ConfigException(
          file,
          "severity.default",
          "'"
              + severity.defaultSeverity()
              + "' is not one of the severities severity.map gives ("
              + String.join(", ", new java.util.TreeSet<>(severity.map().values()))
              + ")");
    }
  }
}
