package dev.firebell.metrics;

import dev.firebell.config.SeverityConfig;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentObserver;
import dev.firebell.ingest.WebhookObserver;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.outbox.DeliveryObserver;
import dev.firebell.store.H2Compaction;
import dev.firebell.store.Repositories;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Firebell's own metrics in Prometheus form: webhooks, incidents, pages, the outbox, and
 * time-to-acknowledge and time-to-resolve (MTTA/MTTR), plus JVM metrics. Names follow Prometheus
 * conventions once exported ({@code firebell_…_total}, {@code …_seconds}).
 */
public final class FirebellMetrics implements IncidentObserver, DeliveryObserver, WebhookObserver {
  private static final Duration[] RESPONSE_BUCKETS = {
    Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
    Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
    Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(12), Duration.ofDays(1)
  };

  private static final Duration[] NO_BUCKETS = {};

  private static final List<String> SOURCES = List.of("grafana", "alertmanager");
  private static final List<String> WEBHOOK_OUTCOMES =
      List.of("accepted", "duplicate", "ignored", "invalid", "unauthorized", "heartbeat");
  private static final List<String> DELIVERY_KINDS =
      List.of("PAGE", "STATUS_UPDATE", "DIGEST", "NOTICE", "SILENCE", "ANNOTATION");
  private static final List<String> DELIVERY_OUTCOMES = List.of("delivered", "retried", "failed");

  private static final String OPENED = "Incidents opened";
  private static final String RESOLVED = "Incidents resolved";
  private static final String TO_ACKNOWLEDGE =
      "Time from receipt (paging starts) to acknowledgement";
  private static final String TO_RESOLVE = "Time from the first alert's start to resolution";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ServiceTags services = new ServiceTags();
  private final MeterCache meters = new MeterCache(registry);

  /**
   * The JVM's own metrics (memory, GC, threads, classes, CPU, uptime). Their management beans take
   * a tenth of a second to set up, which no webhook needs before Firebell is ready: they are bound
   * once it is.
   */
  public void bindJvmMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Metrics for the configured severities and every channel type. */
  public static FirebellMetrics create(Jdbi jdbi, SeverityConfig severity, Clock clock) {
    return new FirebellMetrics(
        jdbi,
        clock,
        severity.severities(),
        Arrays.stream(ContactType.values()).map(ContactType::id).toList());
  }

  /**
   * Registers every series the shipped dashboard reads at zero, so a fresh install's panels show 0
   * rather than "No data": webhooks per sender and outcome, deliveries per channel, kind and
   * outcome, and incidents and response times per severity (with an empty service until one is
   * seen).
   */
  public FirebellMetrics(Jdbi jdbi, Clock clock, Set<String> severities, List<String> channels) {
    for (String status : new String[] {"triggered", "acknowledged"}) {
      Gauge.builder(
              "firebell.incidents.open",
              () ->
                  Repositories.with(
                      jdbi, MetricsQueries::new, q -> q.incidentsWithStatus(status.toUpperCase())))
          .description("Open incidents by status")
          .tag("status", status)
          .register(registry);
    }
    Gauge.builder(
            "firebell.outbox.pending",
            () -> jdbi.withHandle(handle -> new MetricsQueries(handle).pendingDeliveries()))
        .description("Pages and status updates waiting to be sent")
        .register(registry);
    Gauge.builder(
            "firebell.outbox.oldest.age",
            () -> {
              Instant oldest =
                  jdbi.withHandle(handle -> new MetricsQueries(handle).oldestPendingDelivery());
              return oldest == null
                  ? 0
                  : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
            })
        .description("Age of the oldest message waiting in the outbox")
        .baseUnit("seconds")
        .register(registry);
    SOURCES.forEach(source -> WEBHOOK_OUTCOMES.forEach(outcome -> webhooks(source, outcome)));
    for (String channel : channels) {
      DELIVERY_KINDS.forEach(
          kind -> DELIVERY_OUTCOMES.forEach(outcome -> pages(channel, kind, outcome)));
    }
    List.of("applied", "refused").forEach(this::reloads);
    for (String severity : severities) {
      counter("firebell.incidents.opened", OPENED, severity, "");
      counter("firebell.incidents.resolved", RESOLVED, severity, "");
      timer("firebell.time.to.acknowledge", TO_ACKNOWLEDGE, severity, "");
      timer("firebell.time.to.resolve", TO_RESOLVE, severity, "");
    }
  }

  private Counter reloads(String outcome) {
    return meters.counter(
        "firebell.oncall.reloads",
        "Reloads of the on-call file, by outcome (applied or refused)",
        "outcome",
        outcome);
  }

  /**
   * {@code firebell_heartbeat_last_beat_timestamp_seconds{id}}: when each heartbeat last beat (NaN
   * before its first), so Prometheus can alert on Firebell's own switches too.
   */
  public void watchHeartbeats(List<String> ids, Function<String, Optional<Instant>> lastBeat) {
    for (String id : ids) {
      Gauge.builder(
              "firebell.heartbeat.last.beat.timestamp",
              () -> lastBeat.apply(id).map(at -> at.toEpochMilli() / 1000.0).orElse(Double.NaN))
          .description("When each heartbeat last beat")
          .baseUnit("seconds")
          .tag("id", id)
          .register(registry);
    }
  }

  /**
   * The embedded database file: {@code firebell_database_file_bytes}, and its compaction's steps
   * and the longest time one held H2's store lock (intake's commits wait that long at most).
   */
  public void watchDatabaseFile(H2Compaction compaction) {
    Gauge.builder("firebell.database.file", compaction::fileBytes)
        .description("Size of the embedded H2 database file")
        .baseUnit("bytes")
        .register(registry);
    FunctionCounter.builder("firebell.database.compaction.steps", compaction, H2Compaction::steps)
        .description("Steps taken to move the H2 file's live chunks into its free space")
        .register(registry);
    Gauge.builder("firebell.database.compaction.longest.step", compaction::longestStepSeconds)
        .description(
            "The longest a part of a compaction step took under the H2 store's lock, with its wait")
        .baseUnit("seconds")
        .register(registry);
  }

  /** An on-call reload was applied or refused. */
  public void onCallReloaded(String outcome) {
    reloads(outcome).increment();
  }

  private Counter webhooks(String source, String outcome) {
    return meters.counter(
        "firebell.webhooks.received",
        "Webhooks received, by sender and outcome",
        "source",
        source,
        "outcome",
        outcome);
  }

  private Counter pages(String channel, String kind, String outcome) {
    return meters.counter(
        "firebell.pages",
        "Delivery attempts of pages and status updates, by channel and outcome",
        "channel",
        channel,
        "kind",
        kind.toLowerCase().replace('_', '-'),
        "outcome",
        outcome);
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void received(String source, String outcome) {
    webhooks(source, outcome).increment();
  }

  @Override
  public void attempt(String channel, String kind, String outcome) {
    pages(channel, kind, outcome).increment();
  }

  @Override
  public void opened(String severity, String service, boolean test) {
    if (!test) {
      counter("firebell.incidents.opened", OPENED, severity, services.tagFor(service)).increment();
    }
  }

  @Override
  public void acknowledged(Incident incident) {
    if (!incident.test() && incident.acknowledgedAt() != null) {
      timer("firebell.time.to.acknowledge", TO_ACKNOWLEDGE, incident)
          .record(nonNegative(incident.openedAt(), incident.acknowledgedAt()));
    }
  }

  @Override
  public void resolved(Incident incident) {
    if (!incident.test() && incident.resolvedAt() != null) {
      counter("firebell.incidents.resolved", RESOLVED, incident).increment();
      timer("firebell.time.to.resolve", TO_RESOLVE, incident)
          .record(incident.duration(incident.resolvedAt()));
    }
  }

  private Counter counter(String name, String description, Incident incident) {
    return counter(name, description, incident.severity(), services.tagFor(incident.service()));
  }

  private Counter counter(String name, String description, String severity, String service) {
    return meters.counter(name, description, "severity", severity, "service", service);
  }

  private Timer timer(String name, String description, Incident incident) {
    return timer(name, description, incident.severity(), services.tagFor(incident.service()));
  }

  private Timer timer(String name, String description, String severity, String service) {
    return meters.timer(
        name, description, RESPONSE_BUCKETS, "severity", severity, "service", service);
  }

  private static Duration nonNegative(Instant from, Instant to) {
    Duration duration = Duration.between(from, to);
    return duration.isNegative() ? Duration.ZERO : duration;
  }

  /** Records one HTTP request by method, route template and status. */
  public void request(String method, String route, int status, long nanos) {
    meters
        .timer(
            "http.server.requests",
            "HTTP requests served",
            NO_BUCKETS,
            "method",
            method,
            "route",
            route,
            "status",
            String.valueOf(status))
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
