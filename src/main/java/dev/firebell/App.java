package dev.firebell;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.Channels;
import dev.firebell.channel.pushover.ReceiptRetention;
import dev.firebell.channel.twilio.VoiceCalls;
import dev.firebell.config.ConfigLoader;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.incident.IncidentHandOff;
import dev.firebell.incident.IncidentService;
import dev.firebell.ingest.HeartbeatEndpoint;
import dev.firebell.ingest.WebhookEndpoint;
import dev.firebell.json.Json;
import dev.firebell.maintenance.Maintenance;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.metrics.FirebellMetrics;
import dev.firebell.notify.MessageRetention;
import dev.firebell.notify.Notices;
import dev.firebell.notify.PageComposer;
import dev.firebell.oncall.ContactType;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.handoff.HandoffNotices;
import dev.firebell.oncall.load.OnCallReload;
import dev.firebell.oncall.override.Overrides;
import dev.firebell.oncall.swap.ShiftSwaps;
import dev.firebell.oncall.swap.SwapRetention;
import dev.firebell.outbox.SenderPool;
import dev.firebell.paging.OutboxSender;
import dev.firebell.paging.PagingScheduler;
import dev.firebell.postmortem.PostmortemDrafter;
import dev.firebell.postmortem.PostmortemService;
import dev.firebell.postmortem.PostmortemTemplate;
import dev.firebell.security.CalendarTokens;
import dev.firebell.security.LinkTokens;
import dev.firebell.security.LoginThrottle;
import dev.firebell.security.SessionRetention;
import dev.firebell.security.Sessions;
import dev.firebell.store.Database;
import dev.firebell.store.Housekeeping;
import dev.firebell.store.SecretStore;
import dev.firebell.upstream.Upstream;
import dev.firebell.upstream.UpstreamRetention;
import dev.firebell.web.ActionApi;
import dev.firebell.web.ApiAuth;
import dev.firebell.web.ErrorMapper;
import dev.firebell.web.HealthApi;
import dev.firebell.web.HeartbeatApi;
import dev.firebell.web.IncidentApi;
import dev.firebell.web.IncidentEditApi;
import dev.firebell.web.LinkPages;
import dev.firebell.web.MaintenanceApi;
import dev.firebell.web.MetricsApi;
import dev.firebell.web.Pages;
import dev.firebell.web.PostmortemApi;
import dev.firebell.web.Routes;
import dev.firebell.web.SilenceApi;
import dev.firebell.web.SlowClients;
import dev.firebell.web.VoiceCallbacks;
import dev.firebell.web.oncall.CalendarFeedPage;
import dev.firebell.web.oncall.OnCallApi;
import dev.firebell.web.oncall.OverrideApi;
import dev.firebell.web.oncall.SwapApi;
import dev.firebell.web.oncall.SwapPages;
import dev.firebell.web.ui.IncidentPages;
import dev.firebell.web.ui.LoginPages;
import dev.firebell.web.ui.OnCallPage;
import dev.firebell.web.ui.StaticAssets;
import dev.firebell.web.ui.UiSecurity;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.pebbletemplates.pebble.PebbleEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/** Builds every object by hand and runs the HTTP server; {@link #close()} stops it all. */
public final class App implements AutoCloseable {

  private final Database database;
  private final Javalin server;
  private final PagingScheduler paging;
  private final OutboxSender outbox;
  private final ExecutorService senders;
  private final Housekeeping housekeeping;
  private final OnCallReload reload;
  private final HandoffNotices handoffs;
  private final ShiftSwaps swaps;
  private final Heartbeats heartbeats;
  private final Upstream calls;

  private App(
      Database database,
      Javalin server,
      PagingScheduler paging,
      OutboxSender outbox,
      ExecutorService senders,
      Housekeeping housekeeping,
      OnCallReload reload,
      HandoffNotices handoffs,
      ShiftSwaps swaps,
      Heartbeats heartbeats,
      Upstream calls) {
    this.database = database;
    this.server = server;
    this.paging = paging;
    this.outbox = outbox;
    this.senders = senders;
    this.housekeeping = housekeeping;
    this.reload = reload;
    this.handoffs = handoffs;
    this.swaps = swaps;
    this.heartbeats = heartbeats;
    this.calls = calls;
  }

  /** Opens the database, migrates it, starts paging and starts listening. */
  public static App start(FirebellConfig config, OnCall oncall, Clock clock) {
    return start(config, oncall, clock, UnaryOperator.identity());
  }

  /**
   * As {@link #start(FirebellConfig, OnCall, Clock)}, with queries through {@code wrapper}; a
   * reload reads {@code oncall.file} again.
   */
  public static App start(
      FirebellConfig config, OnCall oncall, Clock given, UnaryOperator<DataSource> wrapper) {
    Supplier<OnCall> source =
        new ConfigLoader(System.getenv()).onCallSource(config, Path.of("firebell.yaml"));
    return start(config, oncall, source, given, wrapper);
  }

  /** Starts with {@code oncall}; {@code source} reads the on-call file again for a reload. */
  public static App start(
      FirebellConfig config,
      OnCall oncall,
      Supplier<OnCall> source,
      Clock given,
      UnaryOperator<DataSource> wrapper) {
    // Times are stored to the microsecond, and both databases round a finer one: a row due "now"
    // would then lie in the future of the pass that wrote it and wait for the next poll.
    Clock clock = Clock.tick(given, Duration.ofNanos(1_000));
    ObjectMapper json = Json.mapper();
    Database database = Database.open(config.database(), json, wrapper);
    ExecutorService senders = SenderPool.create();
    try {
      Rota rota = new Rota(database.jdbi(), oncall, clock);
      Overrides overrides = new Overrides(database.jdbi(), rota, clock);
      PebbleEngine templates = Pages.engine();
      Maintenance maintenance = new Maintenance(database.jdbi(), configuredWindows(config), clock);
      IncidentService incidents =
          new IncidentService(
              database.jdbi(), database.durability(), clock, config.incidents().autoResolve());
      String secret = linkSecret(config, database, clock);
      LinkTokens tokens = new LinkTokens(secret, config.security().linkTtl());
      Channels channels = Channels.create(config, json, templates, tokens, clock);
      Upstream calls =
          new Upstream(config, database.jdbi(), channels, incidents, rota, json, clock, senders);
      OutboxSender outbox =
          new OutboxSender(
              database.jdbi(),
              database.durability(),
              rota,
              channels,
              calls,
              new PageComposer(config.server().publicUrl(), tokens),
              json,
              config.paging(),
              clock,
              senders);
      PostmortemService postmortems =
          new PostmortemService(
              incidents,
              database.jdbi(),
              rota,
              new PostmortemDrafter(config.postmortem().keepGuidance()),
              PostmortemTemplate.load(config.postmortem()),
              clock);
      EscalationEngine escalations = new EscalationEngine(database.jdbi(), rota, maintenance);
      PagingScheduler paging = new PagingScheduler(escalations, outbox, clock);
      incidents.handOff(IncidentHandOff.all(escalations, calls.handOff()));
      incidents.onChange(paging::wakeSender);
      FirebellMetrics metrics =
          new FirebellMetrics(
              database.jdbi(),
              clock,
              config.severity().severities(),
              Arrays.stream(ContactType.values()).map(ContactType::id).toList());
      incidents.observe(metrics);
      OnCallReload reload = new OnCallReload(source, rota, metrics::onCallReloaded, clock);
      outbox.observe(metrics);
      Heartbeats heartbeats =
          new Heartbeats(database.jdbi(), config.heartbeats(), incidents, config.severity(), clock);
      heartbeats.start();
      metrics.watchHeartbeats(heartbeats.ids(), heartbeats::lastBeat);
      WebhookEndpoint webhooks =
          new WebhookEndpoint(
              config.ingest(), config.severity(), incidents, heartbeats, json, clock);
      webhooks.observe(metrics);

      Pages pages = new Pages(templates);
      Notices notices = new Notices(json);
      ShiftSwaps swaps =
          new ShiftSwaps(
              database.jdbi(),
              rota,
              overrides,
              notices,
              tokens,
              config.server().publicUrl(),
              clock);
      HandoffNotices handoffs =
          new HandoffNotices(
              database.jdbi(),
              rota,
              notices,
              config.oncall().handoffNotice(),
              config.server().publicUrl(),
              clock);
      CalendarFeedPage calendars =
          new CalendarFeedPage(
              new CalendarTokens(secret), rota, config.server().publicUrl(), clock);
      LoginThrottle throttle = new LoginThrottle(database.jdbi(), clock);
      Sessions sessions =
          new Sessions(database.jdbi(), clock, config.security().sessionTtl(), config.users());
      UiSecurity uiSecurity = new UiSecurity(sessions, config.server().publicUrl());
      Routes.Handlers handlers =
          new Routes.Handlers(
              webhooks,
              new ApiAuth(config.api()),
              new IncidentApi(incidents),
              new ActionApi(incidents, rota, json),
              new IncidentEditApi(incidents, rota, json, config.severity()),
              new PostmortemApi(postmortems),
              new OnCallApi(rota, reload, calendars, clock),
              new LinkPages(tokens, incidents, rota, pages, clock),
              new HealthApi(database),
              new LoginPages(config.users(), sessions, throttle, uiSecurity, pages),
              new IncidentPages(
                  incidents,
                  postmortems,
                  rota,
                  calls.silences(),
                  config.severity(),
                  uiSecurity,
                  pages,
                  clock),
              new OnCallPage(
                  rota, overrides, swaps, heartbeats, calendars, uiSecurity, pages, clock),
              new StaticAssets(),
              new MetricsApi(metrics, config.metrics().token()),
              new MaintenanceApi(maintenance, rota, json),
              new OverrideApi(overrides, rota, json, clock),
              calendars,
              new SwapApi(swaps, rota, json, clock),
              new SwapPages(tokens, swaps, rota, pages, clock),
              new HeartbeatEndpoint(config.ingest(), heartbeats, clock),
              new HeartbeatApi(heartbeats),
              new SilenceApi(calls.silences(), rota, json, clock),
              new VoiceCallbacks(
                  tokens,
                  incidents,
                  new VoiceCalls(database.jdbi(), clock),
                  rota,
                  config.twilio(),
                  config.server().publicUrl(),
                  clock));
      Javalin server =
          Javalin.create(
              javalin -> {
                javalin.jetty.host = config.server().host();
                javalin.jetty.port = config.server().port();
                javalin.startup.showJavalinBanner = false;
                javalin.startup.showOldJavalinVersionWarning = false;
                javalin.http.maxRequestSize = config.ingest().maxBodyBytes();
                javalin.jetty.modifyHttpConfiguration(SlowClients::limit);
                javalin.jetty.modifyServer(SlowClients::limitConnectors);
                javalin.jsonMapper(new JavalinJackson(json, false));
                Routes.register(javalin.routes, handlers);
                ErrorMapper.register(javalin.routes, pages);
              });
      server.start();
      paging.start(config.paging().pollInterval());
      paging.wake();
      Duration keep = config.paging().keepDeliveries();
      Housekeeping housekeeping =
          new Housekeeping(
              database.jdbi(),
              clock,
              List.of(
                  new SessionRetention(config.security().linkTtl()),
                  new MessageRetention(keep),
                  new UpstreamRetention(keep),
                  new ReceiptRetention(keep),
                  new SwapRetention(keep)));
      paging.every(Duration.ofHours(1), housekeeping::run);
      paging.every(Duration.ofHours(1), throttle::forgetOld);
      paging.every(Duration.ofMinutes(1), handoffs::run);
      paging.every(Duration.ofMinutes(1), swaps::expireLapsed);
      paging.every(Duration.ofSeconds(30), heartbeats::checkMissed);
      paging.every(Duration.ofMinutes(1), () -> calls.watch().run());
      paging.every(Duration.ofSeconds(30), () -> calls.receipts().run());
      if (config.telegram().isConfigured()) {
        // A long poll ends before the HTTP client's own timeout gives up on it.
        calls
            .telegram()
            .start(
                Duration.ofSeconds(Math.max(0, config.paging().requestTimeout().toSeconds() - 2)));
      }
      return new App(
          database,
          server,
          paging,
          outbox,
          senders,
          housekeeping,
          reload,
          handoffs,
          swaps,
          heartbeats,
          calls);
    } catch (RuntimeException e) { // not handled here: release what was opened, then rethrow
      senders.shutdownNow();
      database.close();
      throw e;
    }
  }

  private static List<MaintenanceWindow> configuredWindows(FirebellConfig config) {
    return config.maintenance().stream()
        .map(
            entry ->
                new MaintenanceWindow(
                    null,
                    entry.match(),
                    entry.fromTime().toInstant(),
                    entry.toTime().toInstant(),
                    entry.reason(),
                    "firebell.yaml"))
        .toList();
  }

  private static String linkSecret(FirebellConfig config, Database database, Clock clock) {
    String configured = config.security().linkSecret();
    return configured.isEmpty()
        ? new SecretStore(database.jdbi(), clock).getOrCreate("link")
        : configured;
  }

  /** The port the server listens on (useful when configured as 0). */
  public int port() {
    return server.port();
  }

  /** The paging loop; tests run passes by hand with a controlled clock. */
  public PagingScheduler paging() {
    return paging;
  }

  public OutboxSender outbox() {
    return outbox;
  }

  /** The hourly clean-up; tests run it by hand. */
  public Housekeeping housekeeping() {
    return housekeeping;
  }

  /** Reads the on-call file again (SIGHUP); a bad file is refused and logged. */
  public OnCallReload.Result reloadOnCall() {
    return reload.reload();
  }

  /** Hand-off notices; tests run passes by hand with a controlled clock. */
  public HandoffNotices handoffs() {
    return handoffs;
  }

  public ShiftSwaps swaps() {
    return swaps;
  }

  /** Silences and their watch; tests run the watch by hand. */
  public Upstream senderCalls() {
    return calls;
  }

  /** Heartbeats; tests check for misses by hand with a controlled clock. */
  public Heartbeats heartbeats() {
    return heartbeats;
  }

  @Override
  public void close() {
    calls.telegram().close();
    paging.close();
    server.stop();
    senders.shutdownNow();
    database.close();
  }
}
