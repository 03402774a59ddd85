package dev.firebell.web;

import dev.firebell.channel.mattermost.MattermostChannel;
import dev.firebell.ingest.HeartbeatEndpoint;
import dev.firebell.ingest.WebhookEndpoint;
import dev.firebell.web.chat.MattermostActions;
import dev.firebell.web.chat.SlackRequests;
import dev.firebell.web.oncall.CalendarFeedPage;
import dev.firebell.web.oncall.ContactTestApi;
import dev.firebell.web.oncall.OnCallApi;
import dev.firebell.web.oncall.OverrideApi;
import dev.firebell.web.oncall.ShiftsApi;
import dev.firebell.web.oncall.SwapApi;
import dev.firebell.web.oncall.SwapPages;
import dev.firebell.web.ui.IncidentForms;
import dev.firebell.web.ui.IncidentPages;
import dev.firebell.web.ui.LoginPages;
import dev.firebell.web.ui.OidcPages;
import dev.firebell.web.ui.OnCallPage;
import dev.firebell.web.ui.StaticAssets;
import dev.firebell.web.ui.TokenPages;
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
      DeclareApi declareApi,
      PostmortemApi postmortemApi,
      OnCallApi onCallApi,
      LinkPages linkPages,
      HealthApi health,
      LoginPages loginPages,
      IncidentPages incidentPages,
      IncidentForms incidentForms,
      OnCallPage onCallPage,
      StaticAssets assets,
      MetricsApi metrics,
      MaintenanceApi maintenance,
      OverrideApi overrides,
      ShiftsApi shifts,
      CalendarFeedPage calendars,
      SwapApi swaps,
      SwapPages swapPages,
      HeartbeatEndpoint heartbeats,
      HeartbeatApi heartbeatApi,
      SilenceApi silenceApi,
      VoiceCallbacks voice,
      ContactTestApi contactTest,
      SlackRequests slack,
      MattermostActions mattermost,
      OidcPages oidc,
      TokenApi tokens,
      TokenPages tokenPages) {}

  public static void register(RoutesConfig routes, Handlers handlers) {
    routes.before(handlers.metrics()::startTimer);
    routes.after(handlers.metrics()::stopTimer);
    routes.get("/metrics", handlers.metrics()::scrape);
    routes.get("/readyz", handlers.health()::ready);

    routes.post("/webhooks/grafana", handlers.webhooks()::grafana);
    routes.put("/webhooks/grafana", handlers.webhooks()::grafana);
    routes.post("/webhooks/alertmanager", handlers.webhooks()::alertmanager);
    routes.put("/webhooks/alertmanager", handlers.webhooks()::alertmanager);
    routes.post("/heartbeats/{id}", handlers.heartbeats()::beat);

    routes.before("/api/*", handlers.apiAuth()::require);
    routes.get("/api/incidents", handlers.incidentApi()::list);
    routes.post("/api/incidents", handlers.declareApi()::declare);
    routes.get("/api/incidents/{id}", handlers.incidentApi()::get);
    routes.post("/api/incidents/{id}/ack", handlers.actionApi()::acknowledge);
    routes.post("/api/incidents/{id}/resolve", handlers.actionApi()::resolve);
    routes.post("/api/incidents/{id}/escalate", handlers.actionApi()::escalate);
    routes.post("/api/incidents/{id}/unacknowledge", handlers.actionApi()::unacknowledge);
    routes.post("/api/incidents/{id}/responders", handlers.actionApi()::addResponders);
    routes.post("/api/incidents/{id}/silence", handlers.silenceApi()::silence);
    routes.post("/api/incidents/{id}/notes", handlers.editApi()::addNote);
    routes.patch("/api/incidents/{id}", handlers.editApi()::edit);
    routes.get("/api/incidents/{id}/postmortem", handlers.postmortemApi()::get);
    routes.get("/api/oncall", handlers.onCallApi()::get);
    routes.post("/api/oncall/reload", handlers.onCallApi()::reload);
    routes.get("/api/schedules/{id}/shifts", handlers.shifts()::list);
    routes.get("/api/schedules/{id}/overrides", handlers.overrides()::list);
    routes.post("/api/schedules/{id}/overrides", handlers.overrides()::add);
    routes.delete("/api/schedules/{id}/overrides/{overrideId}", handlers.overrides()::remove);
    routes.get("/api/schedules/{id}/swaps", handlers.swaps()::list);
    routes.post("/api/schedules/{id}/swaps", handlers.swaps()::request);
    routes.delete("/api/schedules/{id}/swaps/{swapId}", handlers.swaps()::withdraw);
    routes.post("/api/people/{id}/contacts/{contactId}/test", handlers.contactTest()::test);
    routes.get("/api/heartbeats", handlers.heartbeatApi()::list);
    routes.get("/api/maintenance", handlers.maintenance()::list);
    routes.post("/api/maintenance", handlers.maintenance()::add);
    routes.delete("/api/maintenance/{id}", handlers.maintenance()::end);
    routes.get("/api/me/tokens", handlers.tokens()::listMine);
    routes.post("/api/me/tokens", handlers.tokens()::createMine);
    routes.delete("/api/me/tokens/{tokenId}", handlers.tokens()::revokeMine);
    routes.get("/api/people/{id}/tokens", handlers.tokens()::listFor);
    routes.post("/api/people/{id}/tokens", handlers.tokens()::createFor);
    routes.delete("/api/people/{id}/tokens/{tokenId}", handlers.tokens()::revokeFor);

    routes.get("/ack/{token}", handlers.linkPages()::showAck);
    routes.post("/ack/{token}", handlers.linkPages()::ack);
    routes.get("/resolve/{token}", handlers.linkPages()::showResolve);
    routes.post("/resolve/{token}", handlers.linkPages()::resolve);

    routes.post("/slack/actions", handlers.slack()::action);
    routes.post("/slack/commands", handlers.slack()::command);
    routes.post(MattermostChannel.ACTIONS_PATH, handlers.mattermost()::press);
    routes.post("/twilio/voice/{token}", handlers.voice()::keypress);
    routes.post("/twilio/voice/{token}/status", handlers.voice()::status);
    routes.get("/swap/{token}", handlers.swapPages()::show);
    routes.post("/swap/{token}", handlers.swapPages()::take);
    routes.get("/calendar/{file}", handlers.calendars()::show);

    routes.get("/healthz", handlers.health()::health);

    routes.get("/login", handlers.loginPages()::form);
    routes.post("/login", handlers.loginPages()::login);
    routes.post("/logout", handlers.loginPages()::logout);
    routes.get("/auth/oidc/start", handlers.oidc()::start);
    routes.get("/auth/oidc/callback", handlers.oidc()::callback);
    routes.get("/", handlers.incidentPages()::list);
    routes.get("/incidents/{id}", handlers.incidentPages()::show);
    routes.post("/incidents/declare", handlers.incidentForms()::declare);
    routes.post("/incidents/{id}/ack", handlers.incidentForms()::acknowledge);
    routes.post("/incidents/{id}/resolve", handlers.incidentForms()::resolve);
    routes.post("/incidents/{id}/escalate", handlers.incidentForms()::escalate);
    routes.post("/incidents/{id}/unacknowledge", handlers.incidentForms()::unacknowledge);
    routes.post("/incidents/{id}/responders", handlers.incidentForms()::addResponders);
    routes.post("/incidents/{id}/silence", handlers.incidentForms()::silence);
    routes.post("/incidents/{id}/notes", handlers.incidentForms()::addNote);
    routes.post("/incidents/{id}/fields", handlers.incidentForms()::editFields);
    routes.get("/incidents/{id}/postmortem", handlers.incidentPages()::postmortem);
    routes.get("/incidents/{id}/postmortem.md", handlers.incidentPages()::postmortemFile);
    routes.get("/oncall", handlers.onCallPage()::show);
    routes.get("/tokens", handlers.tokenPages()::show);
    routes.post("/tokens", handlers.tokenPages()::make);
    routes.post("/tokens/{id}/revoke", handlers.tokenPages()::revoke);
    routes.post("/oncall/overrides", handlers.onCallPage()::addOverride);
    routes.post("/oncall/overrides/{id}/delete", handlers.onCallPage()::removeOverride);
    routes.post("/oncall/swaps", handlers.onCallPage()::requestCover);
    routes.post("/oncall/swaps/{swapId}/withdraw", handlers.onCallPage()::withdrawCover);
    routes.post("/oncall/contacts/{contactId}/test", handlers.onCallPage()::testContact);
    routes.get("/static/firebell.css", handlers.assets()::css);
  }
}
