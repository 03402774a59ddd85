package dev.firebell.config;

/**
 * Grafana's HTTP API, for silences of Grafana-managed alerts: {@code url} (empty: the
 * notification's {@code externalURL}) and a service-account {@code token}.
 */
public record GrafanaConfig(String url, String token) {
  public GrafanaConfig {
    SenderApi api = new SenderApi(url, token);
    url = api.url();
    token = api.token();
  }

  public static GrafanaConfig defaults() {
    return new GrafanaConfig(null, null);
  }

  public SenderApi api() {
    return new SenderApi(url, token);
  }
}
