package dev.firebell.heartbeat;

import dev.firebell.config.DurationParser;
import dev.firebell.config.HeartbeatEntry;
import dev.firebell.config.SeverityConfig;
import dev.firebell.incident.Actor;
import dev.firebell.incident.IncidentService;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.alert.AlertGroupSignal;
import dev.firebell.incident.alert.AlertSignal;
import dev.firebell.incident.alert.RecordResult;
import dev.firebell.store.Repositories;
import dev.firebell.store.UniqueViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-man's switches. Each configured heartbeat must beat within its interval ({@code POST
 * /heartbeats/{id}}, or a firing notification of its {@code alertname}, such as Alertmanager's
 * always-firing {@code Watchdog}); a miss opens an incident like any alert's (routing, severity,
 * paging), and the next beat resolves it. State lives in the database, so with several instances a
 * beat on one counts for all and each miss opens one incident.
 */
public final class Heartbeats {
  private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);
  private static final Actor HEARTBEAT =
      new Actor("firebell", "Firebell", "its heartbeat check (the heartbeat beat again)");

  private final Jdbi jdbi;
  private final Map<String, HeartbeatEntry> configured = new LinkedHashMap<>();
  private final IncidentService incidents;
  private final SeverityConfig severity;
  private final Clock clock;

  public Heartbeats(
      Jdbi jdbi,
      List<HeartbeatEntry> entries,
      IncidentService incidents,
      SeverityConfig severity,
      Clock clock) {
    this.jdbi = jdbi;
    entries.forEach(entry -> configured.put(entry.id(), entry));
    this.incidents = incidents;
    this.severity = severity;
    this.clock = clock;
  }

  /**
   * At start-up: a heartbeat first seen is due one interval from now, and one already known is due
   * no earlier than that (beats sent while the server was down were lost).
   */
  public void start() {
    Instant now = clock.instant();
    for (HeartbeatEntry entry : configured.values()) {
      Instant due = now.plus(entry.interval());
      try {
        jdbi.useTransaction(
            handle -> {
              HeartbeatRepository beats = new HeartbeatRepository(handle);
              if (beats.insertIfAbsent(entry.id(), due) == 0) {
                beats.postponeDue(entry.id(), due);
              }
            });
      } catch (JdbiException e) {
        if (!UniqueViolation.is(e)) { // another instance added it at this moment: nothing to do
          throw e;
        }
      }
    }
  }

  /** What a beat answers: the heartbeat, its beat and when the next is due. */
  public record Beat(String id, Instant lastBeatAt, Instant dueAt) {}

  /**
   * A beat; empty for an id not in {@code firebell.yaml}. Ends a miss by resolving its incident.
   */
  public Optional<Beat> beat(String id) {
    HeartbeatEntry entry = configured.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<HeartbeatState> before =
        Repositories.with(jdbi, HeartbeatRepository::new, r -> r.find(id));
    if (before.isPresent() && before.get().missedIncidentId() != null) {
      recover(entry, before.get(), now);
    }
    Instant due = now.plus(entry.interval());
    Repositories.use(jdbi, HeartbeatRepository::new, r -> r.beat(id, now, due));
    return Optional.of(new Beat(id, now, due));
  }

  /**
   * The heartbeat a notification beats: it is firing and every alert carries a heartbeat's {@code
   * alertname}. Such a notification is a beat, and opens no incident.
   */
  public Optional<Beat> beatFrom(AlertGroupSignal signal) {
    if (signal.alerts().isEmpty() || !signal.alerts().stream().allMatch(AlertSignal::isFiring)) {
      return Optional.empty();
    }
    for (HeartbeatEntry entry : configured.values()) {
      if (entry.alertname() != null
          && signal.alerts().stream()
              .allMatch(alert -> entry.alertname().equals(alert.labels().get("alertname")))) {
        return beat(entry.id());
      }
    }
    return Optional.empty();
  }

  /** The scheduled pass: each overdue heartbeat opens its incident, once. */
  public void checkMissed() {
    Instant now = clock.instant();
    for (HeartbeatState state :
        Repositories.with(jdbi, HeartbeatRepository::new, r -> r.overdue(now))) {
      HeartbeatEntry entry = configured.get(state.id());
      if (entry == null) {
        continue; // removed from firebell.yaml: its row stays, and nothing is due
      }
      RecordResult result = incidents.record(HeartbeatSignals.missed(entry, state, severity, now));
      if (result.incidentId() != null
          && Repositories.with(
                  jdbi,
                  HeartbeatRepository::new,
                  r -> r.markMissed(state.id(), state.dueAt(), result.incidentId()))
              == 1) {
        log.warn(
            "heartbeat {} missed (due {}): incident {}",
            state.id(),
            state.dueAt(),
            result.incidentId());
      }
    }
  }

  private void recover(HeartbeatEntry entry, HeartbeatState missed, Instant now) {
    RecordResult result =
        incidents.record(HeartbeatSignals.recovered(entry, missed.dueAt(), severity, now));
    long incidentId = missed.missedIncidentId();
    if (result.status() != IncidentStatus.RESOLVED) { // auto-resolve is off, or it was reopened
      incidents.resolve(incidentId, HEARTBEAT);
    }
    log.info("heartbeat {} beat again: incident {} resolved", entry.id(), incidentId);
  }

  /** When a heartbeat last beat, for the metric; empty before its first beat. */
  public Optional<Instant> lastBeat(String id) {
    return Repositories.with(jdbi, HeartbeatRepository::new, r -> r.find(id))
        .map(HeartbeatState::lastBeatAt);
  }

  public List<String> ids() {
    return List.copyOf(configured.keySet());
  }

  /** Every configured heartbeat with its state, for the API and the on-call page. */
  public List<Status> statuses() {
    Map<String, HeartbeatState> stored = new LinkedHashMap<>();
    Repositories.with(jdbi, HeartbeatRepository::new, HeartbeatRepository::all)
        .forEach(state -> stored.put(state.id(), state));
    Instant now = clock.instant();
    return configured.values().stream()
        .map(
            entry -> {
              HeartbeatState state = stored.get(entry.id());
              String shown =
                  state == null
                      ? "waiting"
                      : state.missedIncidentId() != null || !now.isBefore(state.dueAt())
                          ? "missed"
                          : state.lastBeatAt() == null ? "waiting" : "ok";
              return new Status(
                  entry.id(),
                  DurationParser.format(entry.interval()),
                  entry.alertname(),
                  state == null ? null : state.lastBeatAt(),
                  state == null ? null : state.dueAt(),
                  shown,
                  state == null ? null : state.missedIncidentId());
            })
        .toList();
  }

  /**
   * A heartbeat as people see it: {@code state} is {@code ok}, {@code waiting} or {@code missed}.
   */
  public record Status(
      String id,
      String interval,
      String alertname,
      Instant lastBeatAt,
      Instant dueAt,
      String state,
      Long incidentId) {}
}
