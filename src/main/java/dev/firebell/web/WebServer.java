package dev.firebell.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.Channels;
import dev.firebell.channel.twilio.VoiceCalls;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationReads;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.incident.IncidentReads;
import dev.firebell.incident.IncidentService;
import dev.firebell.ingest.HeartbeatEndpoint;
import dev.firebell.ingest.WebhookEndpoint;
import dev.firebell.maintenance.Maintenance;
import dev.firebell.metrics.FirebellMetrics;
import dev.firebell.oncall.OnCallModule;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import dev.firebell.paging.Job;
import dev.firebell.postmortem.PostmortemService;
import dev.firebell.security.ApiTokens;
import dev.firebell.security.LinkTokens;
import dev.firebell.security.LoginThrottle;
import dev.firebell.security.Secrets;
import dev.firebell.security.SessionRetention;
import dev.firebell.security.Sessions;
import dev.firebell.security.oidc.OidcProvider;
import dev.firebell.security.oidc.OidcSignIn;
import dev.firebell.store.Database;
import dev.firebell.store.Platform;
import dev.firebell.store.Pruning;
import dev.firebell.text.Templates;
import dev.firebell.upstream.Silences;
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
import dev.firebell.web.ui.UiSecurity;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The HTTP server: every handler built over the services it calls, and the routes. */
public final class WebServer implements AutoCloseable {
  private final Javalin javalin;
  private final LoginThrottle throttle;

  /** What the handlers call. */
  public record Services(
      Platform platform,
      Templates templates,
      Secrets secrets,
      IncidentService incidents,
      IncidentReads reads,
      PostmortemService postmortems,
      OnCallModule oncall,
      Maintenance maintenance,
      Heartbeats heartbeats,
      Silences silences,
      Channels channels,
      FirebellMetrics metrics,
      WebhookEndpoint webhooks) {
    FirebellConfig config() {
      return platform.config();
    }

    ObjectMapper json() {
      return platform.json();
    }

    Database database() {
      return platform.database();
    }

    Clock clock() {
      return platform.clock();
    }

    LinkTokens tokens() {
      return secrets.links();
    }
  }

  private WebServer(Javalin javalin, LoginThrottle throttle) {
    this.javalin = javalin;
    this.throttle = throttle;
  }

  /** Builds the handlers and starts listening. */
  public static WebServer start(Services services) {
    FirebellConfig config = services.config();
    LoginThrottle throttle = new LoginThrottle(services.database().jdbi(), services.clock());
    Pages pages = new Pages(services.templates());
    Routes.Handlers handlers = handlers(services, throttle, pages);
    Javalin javalin =
        Javalin.create(
            server -> {
              server.jetty.host = config.server().host();
              server.jetty.port = config.server().port();
              server.startup.showJavalinBanner = false;
              server.startup.showOldJavalinVersionWarning = false;
              server.http.maxRequestSize = config.ingest().maxBodyBytes();
              server.jetty.modifyHttpConfiguration(SlowClients::limit);
              server.jetty.modifyServer(SlowClients::limitConnectors);
              server.jsonMapper(new JavalinJackson(services.json(), false));
              Routes.register(server.routes, handlers);
              ErrorMapper.register(
                  server.routes, pages, config.server().publicUrl().startsWith("https://"));
            });
    javalin.start();
    return new WebServer(javalin, throttle);
  }

  private static Routes.Handlers handlers(Services s, LoginThrottle throttle, Pages pages) {
    FirebellConfig config = s.config();
    String publicUrl = config.server().publicUrl();
    Rota rota = s.oncall().rota();
    Sessions sessions =
        new Sessions(
            s.database().jdbi(),
            s.clock(),
            config.security().sessionTtl(),
            config.users(),
            personId -> rota.current().person(personId).map(Person::email).orElse(null));
    UiSecurity ui =
        new UiSecurity(
            sessions,
            publicUrl,
            personId -> rota.current().person(personId).map(Person::role).orElse(Role.RESPONDER));
    ApiTokens apiTokens = new ApiTokens(s.database().jdbi(), s.clock());
    LoginPages login = new LoginPages(config.users(), config.auth(), sessions, throttle, ui, pages);
    OidcSignIn signIn =
        config.auth().oidc().isConfigured()
            ? new OidcSignIn(
                new OidcProvider(config.auth().oidc(), s.channels().http().client()),
                s.database().jdbi(),
                s.clock())
            : null;
    CalendarFeedPage calendars =
        new CalendarFeedPage(s.secrets().calendars(), rota, publicUrl, s.clock());
    EscalationReads escalations = new EscalationReads(s.database().jdbi(), rota);
    ContactTestApi contactTest = new ContactTestApi(rota, s.channels(), publicUrl);
    return new Routes.Handlers(
        s.webhooks(),
        new ApiAuth(config.api(), apiTokens, rota),
        new IncidentApi(s.reads(), escalations),
        new ActionApi(s.incidents(), s.reads(), rota, s.json()),
        new IncidentEditApi(s.incidents(), s.reads(), rota, s.json(), config.severity()),
        new DeclareApi(s.incidents(), s.reads(), rota, s.json(), config.severity()),
        new PostmortemApi(s.postmortems()),
        new OnCallApi(rota, s.oncall().reload(), calendars, s.clock()),
        new LinkPages(s.tokens(), s.incidents(), s.reads(), rota, pages, s.clock()),
        new HealthApi(s.database()),
        login,
        new IncidentPages(
            s.reads(),
            escalations,
            s.postmortems(),
            s.silences(),
            rota,
            config.severity(),
            ui,
            pages,
            s.clock()),
        new IncidentForms(s.incidents(), rota, s.silences(), config.severity(), ui, s.clock()),
        new OnCallPage(
            rota,
            s.oncall().overrides(),
            s.oncall().swaps(),
            s.heartbeats(),
            calendars,
            contactTest,
            ui,
            pages,
            s.clock()),
        new StaticAssets(),
        new MetricsApi(s.metrics(), config.metrics().token()),
        new MaintenanceApi(s.maintenance(), rota, s.json()),
        new OverrideApi(s.oncall().overrides(), rota, s.json(), s.clock()),
        new ShiftsApi(rota, s.clock()),
        calendars,
        new SwapApi(s.oncall().swaps(), rota, s.json(), s.clock()),
        new SwapPages(s.tokens(), s.oncall().swaps(), rota, pages, s.clock()),
        new HeartbeatEndpoint(config.ingest(), s.heartbeats(), s.clock()),
        new HeartbeatApi(s.heartbeats()),
        new SilenceApi(s.silences(), rota, s.json(), s.clock()),
        new VoiceCallbacks(
            s.tokens(),
            s.incidents(),
            s.reads(),
            new VoiceCalls(s.database().jdbi(), s.clock()),
            rota,
            config.twilio(),
            publicUrl,
            s.clock()),
        contactTest,
        new SlackRequests(
            config.slack(),
            s.incidents(),
            rota,
            s.database().jdbi(),
            s.channels().http(),
            s.json(),
            config.severity(),
            s.clock()),
        new MattermostActions(
            s.tokens(), s.incidents(), s.reads(), rota, s.json(), publicUrl, s.clock()),
        new OidcPages(signIn, sessions, rota, ui, login, publicUrl),
        new TokenApi(apiTokens, rota, s.json()),
        new TokenPages(apiTokens, rota, ui, pages));
  }

  /** Expired sessions and used links. */
  public Pruning retention(FirebellConfig config) {
    return new SessionRetention(config.security().linkTtl());
  }

  /** Old failed-login counts are forgotten every hour. */
  public List<Job> jobs() {
    return List.of(
        new Job("forgetting old failed logins", Duration.ofHours(1), throttle::forgetOld));
  }

  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
