package dev.firebell.incident;

import dev.firebell.store.Durability;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens, updates and resolves incidents from alert notifications, and reads them back. Every
 * notification is one transaction under its group's row lock, so duplicate and concurrent
 * deliveries (Grafana HA sends one from every replica) give one incident and one timeline, on one
 * Firebell instance or several.
 */
public final class IncidentService {
  private final Jdbi jdbi;
  private final Durability durability;
  private final Clock clock;
  private final boolean autoResolve;

  public IncidentService(Jdbi jdbi, Durability durability, Clock clock, boolean autoResolve) {
    this.jdbi = jdbi;
    this.durability = durability;
    this.clock = clock;
    this.autoResolve = autoResolve;
  }

  /** Records a notification; returns once what it changed is durable. */
  public RecordResult record(AlertGroupSignal signal) {
    RecordResult result =
        UniqueViolationRetry.run(
            () ->
                jdbi.inTransaction(
                    handle ->
                        new GroupRecorder(
                                handle.attach(IncidentRepository.class), clock, autoResolve)
                            .record(signal)));
    if (result.changedSomething()) {
      durability.awaitDurable();
    }
    return result;
  }

  public IncidentDetails details(long id) {
    return jdbi.withExtension(
        IncidentRepository.class,
        repository -> {
          Incident incident =
              repository.findIncident(id).orElseThrow(() -> new IncidentNotFound(id));
          return new IncidentDetails(incident, repository.alerts(id), repository.timeline(id));
        });
  }

  public List<Incident> list(IncidentFilter filter, int limit) {
    return jdbi.withExtension(
        IncidentRepository.class, repository -> repository.listIncidents(filter, limit));
  }

  static Map<String, IncidentAlert> byFingerprint(List<IncidentAlert> alerts) {
    return alerts.stream()
        .collect(Collectors.toMap(IncidentAlert::fingerprint, Function.identity()));
  }
}
