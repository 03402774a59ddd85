package dev.firebell.web;

import dev.firebell.ingest.WebhookEndpoint;
import io.javalin.config.RoutesConfig;

/** Every HTTP path Firebell serves, in one place. */
public final class Routes {
  private Routes() {}

  /** The handlers behind the routes. */
  public record Handlers(
      WebhookEndpoint webhooks,
      ApiAuth apiAuth,
      IncidentApi incidentApi,
      ActionApi actionApi,
      IncidentEditApi editApi,
      PostmortemApi postmortemApi,
      OnCallApi onCallApi,
      LinkPages linkPages,
      HealthApi health) {}

  public static void register(RoutesConfig routes, Handlers handlers) {
    routes.post("/webhooks/grafana", handlers.webhooks()::grafana);
    routes.put("/webhooks/grafana", handlers.webhooks()::grafana);
    routes.post("/webhooks/alertmanager", handlers.webhooks()::alertmanager);
    routes.put("/webhooks/alertmanager", handlers.webhooks()::alertmanager);

    routes.before("/api/*", handlers.apiAuth()::require);
    routes.get("/api/incidents", handlers.incidentApi()::list);
    routes.get("/api/incidents/{id}", handlers.incidentApi()::get);
    routes.post("/api/incidents/{id}/ack", handlers.actionApi()::acknowledge);
    routes.post("/api/incidents/{id}/resolve", handlers.actionApi()::resolve);
    routes.post("/api/incidents/{id}/notes", handlers.editApi()::addNote);
    routes.patch("/api/incidents/{id}", handlers.editApi()::edit);
    routes.get("/api/incidents/{id}/postmortem", handlers.postmortemApi()::get);
    routes.get("/api/oncall", handlers.onCallApi()::get);

    routes.get("/ack/{token}", handlers.linkPages()::showAck);
    routes.post("/ack/{token}", handlers.linkPages()::ack);
    routes.get("/resolve/{token}", handlers.linkPages()::showResolve);
    routes.post("/resolve/{token}", handlers.linkPages()::resolve);

    routes.get("/healthz", handlers.health()::health);
  }
}
