package dev.firebell.ingest;

/** Which sender a webhook endpoint serves. */
enum WebhookSource {
  GRAFANA("grafana"),
  ALERTMANAGER("alertmanager");

  private final String id;

  WebhookSource(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }
}
