package dev.firebell.config;

/**
 * Grafana's HTTP API, for silences of Grafana-managed alerts and, with {@code annotations}, an
 * annotation per incident on the alert's dashboard: {@code url} (empty: the notification's {@code
 * externalURL}) and a service-account {@code token}.
 */
public record GrafanaConfig(String url, String token, Boolean annotations) {
  public GrafanaConfig {
    UpstreamApi api = new UpstreamApi(url, token);
    url = api.url();
    token = api.token();
    annotations = annotations != null && annotations;
  }

  public GrafanaConfig(String url, String token) {
    this(url, token, null);
  }

  public static GrafanaConfig defaults() {
    return new GrafanaConfig(null, null, null);
  }

  public UpstreamApi api() {
    return new UpstreamApi(url, token);
  }
}
