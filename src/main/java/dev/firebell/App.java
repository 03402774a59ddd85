package dev.firebell;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.FirebellConfig;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.incident.IncidentReads;
import dev.firebell.incident.IncidentService;
import dev.firebell.ingest.WebhookEndpoint;
import dev.firebell.json.Json;
import dev.firebell.maintenance.Maintenance;
import dev.firebell.metrics.FirebellMetrics;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallModule;
import dev.firebell.oncall.load.OnCallReload;
import dev.firebell.paging.FollowUps;
import dev.firebell.paging.Job;
import dev.firebell.paging.PagingModule;
import dev.firebell.postmortem.PostmortemService;
import dev.firebell.security.Secrets;
import dev.firebell.store.Database;
import dev.firebell.store.Housekeeping;
import dev.firebell.store.Platform;
import dev.firebell.store.Pruning;
import dev.firebell.text.Templates;
import dev.firebell.web.WebServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The running server: composes the modules and runs the HTTP server; {@link #close()} stops them in
 * reverse order.
 */
public record App(
    Database database,
    OnCallModule oncall,
    PagingModule paging,
    FollowUps followUps,
    Heartbeats heartbeats,
    Housekeeping housekeeping,
    WebServer web)
    implements AutoCloseable {

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
    Platform platform = new Platform(config, database, json, clock);
    // What a failed start opened is closed again, newest first; a started App closes it itself.
    List<Runnable> opened = new ArrayList<>(List.of(database::close));
    boolean started = false;
    try {
      FirebellMetrics metrics = FirebellMetrics.create(database.jdbi(), config.severity(), clock);
      database.compaction().ifPresent(metrics::watchDatabaseFile);
      Secrets secrets = Secrets.of(config, database, clock);
      OnCallModule onCall =
          new OnCallModule(platform, oncall, source, secrets.links(), metrics::onCallReloaded);
      Maintenance maintenance = Maintenance.configured(database.jdbi(), config, clock);
      Templates templates = new Templates();
      PagingModule paging =
          new PagingModule(
              platform, onCall.rota(), maintenance, secrets.links(), templates, metrics);
      opened.add(0, paging::close);
      IncidentService incidents = IncidentService.create(platform, paging.hooks(metrics));
      FollowUps followUps = paging.followUps(incidents);
      opened.add(0, followUps::close);
      Heartbeats heartbeats =
          new Heartbeats(database.jdbi(), config.heartbeats(), incidents, config.severity(), clock);
      heartbeats.start();
      metrics.watchHeartbeats(heartbeats.ids(), heartbeats::lastBeat);
      WebhookEndpoint webhooks =
          new WebhookEndpoint(
              config.ingest(), config.severity(), incidents, heartbeats, metrics, json, clock);
      IncidentReads reads = new IncidentReads(database.jdbi());
      PostmortemService postmortems =
          PostmortemService.create(
              config.postmortem(), reads, database.jdbi(), onCall.rota(), clock);
      WebServer web =
          WebServer.start(
              new WebServer.Services(
                  platform,
                  templates,
                  secrets,
                  incidents,
                  reads,
                  postmortems,
                  onCall,
                  maintenance,
                  heartbeats,
                  paging.upstream().silences(),
                  paging.channels(),
                  metrics,
                  webhooks));
      opened.add(0, web::close);
      List<Pruning> prunings = new ArrayList<>(paging.retention());
      prunings.addAll(List.of(onCall.retention(), web.retention(config)));
      Housekeeping housekeeping = new Housekeeping(database.jdbi(), clock, prunings);
      List<Job> jobs = new ArrayList<>(onCall.jobs());
      jobs.addAll(web.jobs());
      jobs.add(new Job("housekeeping", Duration.ofHours(1), housekeeping::run));
      jobs.add(new Job("missed heartbeats", Duration.ofSeconds(30), heartbeats::checkMissed));
      paging.start(followUps, jobs);
      // Serving needs neither an HTTP client nor the JVM's metrics: /readyz answers from here on,
      // and both are set up beside the first requests, not before them.
      paging.channels().http().prepareInBackground();
      metrics.bindJvmMetrics();
      App app = new App(database, onCall, paging, followUps, heartbeats, housekeeping, web);
      started = true;
      return app;
    } finally {
      if (!started) {
        closeAll(opened);
      }
    }
  }

  /** The port the server listens on (useful when configured as 0). */
  public int port() {
    return web.port();
  }

  /** Reads the on-call file again (SIGHUP); a bad file is refused and logged. */
  public OnCallReload.Result reloadOnCall() {
    return oncall.reload().reload();
  }

  @Override
  public void close() {
    closeAll(List.of(web::close, followUps::close, paging::close, database::close));
  }

  /** Closes each in turn; one that fails to close is logged and the rest still close. */
  private static void closeAll(List<Runnable> closers) {
    for (Runnable closer : closers) {
      try {
        closer.run();
      } catch (RuntimeException e) { // whatever stopping a server or pool threw: log, go on
        LoggerFactory.getLogger(App.class).warn("closing a module failed", e);
      }
    }
  }
}
