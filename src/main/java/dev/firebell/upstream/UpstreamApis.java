package dev.firebell.upstream;

import dev.firebell.config.FirebellConfig;
import dev.firebell.config.UpstreamApi;
import dev.firebell.incident.Incident;
import java.util.Optional;
import okhttp3.Request;

/**
 * Where an incident's sender takes API calls. Alertmanager's alerts go to its own API ({@code
 * silences.alertmanager.url}, else the notification's {@code externalURL}); Grafana-managed alerts
 * to Grafana's Alertmanager-compatible API under {@code /api/alertmanager/grafana} ({@code
 * grafana.url}, else the notification's {@code externalURL}). Both speak Alertmanager's v2 API.
 */
final class UpstreamApis {
  static final String GRAFANA_ALERTMANAGER = "/api/alertmanager/grafana";

  private final UpstreamApi alertmanager;
  private final UpstreamApi grafana;

  UpstreamApis(FirebellConfig config) {
    this.alertmanager = config.silences().alertmanager();
    this.grafana = config.grafana().api();
  }

  /** The API root for the incident's sender, or empty when no URL is known. */
  Optional<String> root(Incident incident) {
    boolean fromGrafana = !"alertmanager".equals(incident.source());
    UpstreamApi api = fromGrafana ? grafana : alertmanager;
    String base = api.url() != null ? api.url() : trimmed(incident.externalUrl());
    if (base == null) {
      return Optional.empty();
    }
    return Optional.of(fromGrafana ? base + GRAFANA_ALERTMANAGER : base);
  }

  /** Grafana's own API root for an incident from Grafana, or empty (another sender, no URL). */
  Optional<String> grafanaRoot(Incident incident) {
    if ("alertmanager".equals(incident.source())) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        grafana.url() != null ? grafana.url() : trimmed(incident.externalUrl()));
  }

  /** A request with the source's token, when one is configured. */
  Request.Builder request(String source, String url) {
    Request.Builder request = new Request.Builder().url(url).header("User-Agent", "Firebell");
    String token = ("alertmanager".equals(source) ? alertmanager : grafana).token();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private static String trimmed(String url) {
    if (url == null
        || url.isBlank()
        || !(url.startsWith("http://") || url.startsWith("https://"))) {
      return null;
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
