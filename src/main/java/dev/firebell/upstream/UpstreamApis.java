package dev.firebell.upstream;

import dev.firebell.config.FirebellConfig;
import dev.firebell.config.UpstreamApi;
import dev.firebell.config.UpstreamConfig;
import dev.firebell.incident.Incident;
import java.util.Optional;
import okhttp3.Request;

/**
 * Where an incident's sender takes API calls. Alertmanager's alerts go to its own API ({@code
 * silences.alertmanager.url}, else the notification's {@code externalURL}); Grafana-managed alerts
 * to Grafana's Alertmanager-compatible API under {@code /api/alertmanager/grafana} ({@code
 * grafana.url}, else the notification's {@code externalURL}). Both speak Alertmanager's v2 API. An
 * {@code externalURL} is used only when its origin is in {@code upstream.allowedOrigins}, and a
 * token goes only to the URL configured beside it.
 */
final class UpstreamApis {
  static final String GRAFANA_ALERTMANAGER = "/api/alertmanager/grafana";

  private final UpstreamApi alertmanager;
  private final UpstreamApi grafana;
  private final UpstreamConfig upstream;

  UpstreamApis(FirebellConfig config) {
    this.alertmanager = config.silences().alertmanager();
    this.grafana = config.grafana().api();
    this.upstream = config.upstream();
  }

  /** The API root for the incident's sender, or empty when no URL is known. */
  Optional<String> root(Incident incident) {
    boolean fromGrafana = !"alertmanager".equals(incident.source());
    UpstreamApi api = fromGrafana ? grafana : alertmanager;
    String base = api.url() != null ? api.url() : external(incident);
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
    return Optional.ofNullable(grafana.url() != null ? grafana.url() : external(incident));
  }

  /**
   * A request with the source's token when one is configured and the request goes below the URL
   * configured beside it: a token never goes anywhere else.
   */
  Request.Builder request(String source, String url) {
    Request.Builder request = new Request.Builder().url(url).header("User-Agent", "Firebell");
    UpstreamApi api = "alertmanager".equals(source) ? alertmanager : grafana;
    if (api.token() != null && api.url() != null && url.startsWith(api.url() + "/")) {
      request.header("Authorization", "Bearer " + api.token());
    }
    return request;
  }

  /** The notification's {@code externalURL}, only when its origin is allowed; else null. */
  private String external(Incident incident) {
    String url = incident.externalUrl();
    return upstream
        .allowed(url)
        .map(String::strip)
        .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
        .orElse(null);
  }
}
