package dev.firebell.web;

import dev.firebell.ingest.WebhookEndpoint;
import io.javalin.config.RoutesConfig;

/** Every HTTP path Firebell serves, in one place. */
public final class Routes {
  private Routes() {}

  public static void register(
      RoutesConfig routes,
      WebhookEndpoint webhooks,
      ApiAuth apiAuth,
      IncidentApi incidentApi,
      HealthApi health) {
    routes.post("/webhooks/grafana", webhooks::grafana);
    routes.put("/webhooks/grafana", webhooks::grafana);
    routes.post("/webhooks/alertmanager", webhooks::alertmanager);
    routes.put("/webhooks/alertmanager", webhooks::alertmanager);

    routes.before("/api/*", apiAuth::require);
    routes.get("/api/incidents", incidentApi::list);
    routes.get("/api/incidents/{id}", incidentApi::get);

    routes.get("/healthz", health::health);
  }
}
