package dev.firebell.incident.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.config.SeverityConfig;
import dev.firebell.config.Urgency;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentHandOff;
import dev.firebell.incident.IncidentRepository;
import dev.firebell.incident.IncidentService;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.Queued;
import dev.firebell.incident.timeline.TimelineEntry;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.incident.timeline.TimelineRepository;
import dev.firebell.incident.timeline.TimelineTexts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Applies one notification to its alert group inside the caller's transaction. A notification that
 * changes more than {@link #BATCH} alerts is applied in parts: this transaction applies the first
 * ({@link #record}) and leaves the others ({@link #rest}) to transactions of their own ({@link
 * #recordPart}), so the database never holds a storm's 20,000 alerts in one transaction.
 */
public final class GroupRecorder {
  /** Alerts a part of a large notification holds, and so rows a JDBC batch inserts at most. */
  public static final int BATCH = 500;

  private final IncidentRepository repository;
  private final GroupRepository groups;
  private final TimelineRepository timeline;
  private final AlertRepository alertRows;
  private final Clock clock;
  private final boolean autoResolve;
  private final SeverityConfig severity;
  private final Handle handle;
  private final IncidentHandOff handOff;

  /** The incident this transaction opened, whose timeline has nothing to repeat yet. */
  private long opened = -1;

  /** What this transaction left to the next ones; null when it applied the whole plan. */
  private Rest rest;

  /** The group has no row yet: it is inserted with the incident it opens, in one statement. */
  private boolean groupRowMissing;

  /** What the incident this transaction opened queued for the outbox. */
  private Queued queued = Queued.NOTHING;

  /**
   * The parts of a notification's plan left to transactions of their own, with what the incident
   * knew of their alerts when the plan was made.
   *
   * @param resolves whether the last part looks if every alert has resolved (auto-resolve)
   */
  public record Rest(
      long incidentId,
      List<AlertMerge.Plan> parts,
      Map<String, AlertState> known,
      boolean resolves) {}

  public GroupRecorder(
      Handle handle,
      Clock clock,
      boolean autoResolve,
      SeverityConfig severity,
      IncidentHandOff handOff) {
    this.handle = handle;
    this.handOff = handOff;
    this.repository = new IncidentRepository(handle);
    this.groups = new GroupRepository(handle);
    this.timeline = new TimelineRepository(handle);
    this.alertRows = new AlertRepository(handle);
    this.clock = clock;
    this.autoResolve = autoResolve;
    this.severity = severity;
  }

  /**
   * @param unseen the group had no row when read just before this transaction: its row is inserted
   *     without first looking for it (and locking it)
   */
  public RecordResult record(AlertGroupSignal signal, boolean unseen) {
    AlertGroup group = unseen ? newGroup(signal) : lockOrNewGroup(signal);
    if (group.openIncidentId() != null) {
      return updateOpenIncident(group, signal);
    }
    return openIncident(group, signal);
  }

  /** What {@link #record} left to later transactions; null for nothing. */
  public Rest rest() {
    return rest;
  }

  /** What the incident {@link #record} opened queued for the outbox, once it is durable. */
  public Queued queued() {
    return queued;
  }

  /**
   * Applies one of the parts {@link #record} left, under the group's lock like any notification.
   * The last part resolves the incident once every alert has resolved.
   *
   * @param again a concurrent delivery added some of these alerts since the plan was made (this
   *     part's transaction ran into its keys): the part is merged with what is stored now
   */
  public IncidentStatus recordPart(
      AlertGroupSignal signal, Rest rest, AlertMerge.Plan part, boolean last, boolean again) {
    groups.lockGroup(signal.groupHash());
    long id = rest.incidentId();
    Map<String, AlertState> known = rest.known();
    if (again) {
      known = IncidentService.byFingerprint(alertRows.alertStates(id, true));
      part = AlertMerge.plan(known, part.alerts());
    }
    raisePeaks(id, part, known);
    apply(id, part, null);
    return last && rest.resolves()
        ? resolveIfAllResolved(id, signal.groupHash())
        : repository.findIncident(id).orElseThrow().status();
  }

  /**
   * The first part of {@code plan}, keeping the others in {@link #rest} when it has several.
   *
   * @param resolves whether the whole plan, applied at once, would look for auto-resolve
   */
  private AlertMerge.Plan firstPart(
      long id, AlertMerge.Plan plan, Map<String, AlertState> known, boolean resolves) {
    List<AlertMerge.Plan> parts = plan.parts(BATCH);
    if (parts.size() > 1) {
      rest = new Rest(id, parts.subList(1, parts.size()), known, resolves);
    }
    return parts.get(0);
  }

  /**
   * The group's row, locked. A row this transaction inserts is as good as locked: a concurrent
   * first sight waits on its primary key and then retries.
   */
  private AlertGroup lockOrNewGroup(AlertGroupSignal signal) {
    return groups.lockGroup(signal.groupHash()).orElseGet(() -> newGroup(signal));
  }

  /**
   * The group's first sight; its row is inserted once this transaction knows the incident it opens
   * (or that it opens none). Should another transaction have inserted it since it was found
   * missing, its primary key refuses this one, which runs again and locks the row instead. (H2
   * parses a {@code FOR UPDATE} query on every run, so a new group is spared the lock's query.)
   */
  private AlertGroup newGroup(AlertGroupSignal signal) {
    groupRowMissing = true;
    return new AlertGroup(signal.groupHash(), null, null);
  }

  private RecordResult openIncident(AlertGroupSignal signal, List<AlertSignal> alerts, Long last) {
    Urgency urgency = severity.urgencyFor(signal.severity());
    long id = repository.insertIncident(signal, signal.startedAt(alerts), last, urgency);
    opened = id;
    if (groupRowMissing) {
      groups.insertGroup(signal, id);
    } else {
      groups.updateGroup(signal.groupHash(), id, id);
    }
    boolean anyFiring = alerts.stream().anyMatch(AlertSignal::isFiring);
    AlertMerge.Plan plan = firstPart(id, AlertMerge.plan(Map.of(), alerts), Map.of(), !anyFiring);
    apply(id, plan, received(id, signal, last));
    // A new incident with a firing alert stays triggered; no need to read it back. Nor one whose
    // other alerts are still to be written: their last part looks whether all have resolved.
    IncidentStatus status =
        anyFiring || rest != null
            ? IncidentStatus.TRIGGERED
            : resolveIfAllResolved(id, signal.groupHash());
    if (status == IncidentStatus.TRIGGERED && !signal.test()) {
      queued = handOff.opened(handle, id, routingLabels(signal, alerts), urgency, clock.instant());
    }
    return new RecordResult(RecordOutcome.OPENED, id, status);
  }

  /**
   * What routes the incident: the group's common labels, completed by its first alert's (the
   * earliest, as {@link AlertRepository#firstAlertLabels} reads it back).
   */
  static Map<String, String> routingLabels(AlertGroupSignal signal, List<AlertSignal> alerts) {
    AlertSignal first =
        alerts.stream()
            .min(
                Comparator.comparing(AlertSignal::startsAt).thenComparing(AlertSignal::fingerprint))
            .orElseThrow();
    Map<String, String> labels = new HashMap<>(first.labels());
    labels.putAll(signal.groupLabels());
    labels.putAll(signal.commonLabels());
    return labels;
  }

  private RecordResult openIncident(AlertGroup group, AlertGroupSignal signal) {
    Long last = group.lastIncidentId();
    List<AlertSignal> fresh =
        last == null
            ? signal.alerts()
            : AlertMerge.withoutClosedEpisodes(
                signal.alerts(), IncidentService.byFingerprint(alertRows.alertStates(last, false)));
    boolean anyFiring = fresh.stream().anyMatch(AlertSignal::isFiring);
    // Grafana's contact-point test is recorded even when it arrives already resolved.
    if (!anyFiring && !(signal.test() && !fresh.isEmpty())) {
      if (groupRowMissing) {
        groups.insertGroup(signal, null);
      }
      return RecordResult.ignored();
    }
    return openIncident(signal, fresh, last);
  }

  private RecordResult updateOpenIncident(AlertGroup group, AlertGroupSignal signal) {
    long id = group.openIncidentId();
    Map<String, AlertState> known =
        IncidentService.byFingerprint(alertRows.alertStates(id, signal.anyNumbers()));
    AlertMerge.Plan plan = AlertMerge.plan(known, signal.alerts());
    if (!plan.changesStatus()) {
      raisePeaks(id, firstPart(id, plan, known, false), known);
      Incident incident = repository.findIncident(id).orElseThrow();
      RecordOutcome outcome = plan.isEmpty() ? RecordOutcome.UNCHANGED : RecordOutcome.UPDATED;
      return new RecordResult(outcome, id, incident.status());
    }
    repository.widenIncident(id, signal.startedAt(plan.added()), signal.truncatedAlerts());
    AlertMerge.Plan first = firstPart(id, plan, known, true);
    raisePeaks(id, first, known);
    apply(id, first, received(id, signal, null));
    IncidentStatus status =
        rest != null
            ? repository.findIncident(id).orElseThrow().status()
            : resolveIfAllResolved(id, signal.groupHash());
    return new RecordResult(RecordOutcome.UPDATED, id, status);
  }

  /**
   * Applies a plan of at most {@link #BATCH} alerts ({@link AlertMerge.Plan#parts}), so each kind
   * of row goes in one JDBC batch (a batch holds every row's values until it runs). New instances'
   * entries, with the notification's own when given, are written without looking for them: an
   * instance with no row has none (should a concurrent delivery add the instance first, its key
   * refuses this transaction, which runs again and finds it). Without new instances, the
   * notification's entry goes in one batch with those of refired and resolved instances.
   */
  private void apply(long id, AlertMerge.Plan plan, TimelineRepository.NewEntry received) {
    List<TimelineRepository.NewEntry> entries = new ArrayList<>();
    if (received != null) {
      entries.add(received);
    }
    List<AlertSignal> added = plan.added();
    if (!added.isEmpty()) {
      alertRows.insertAlerts(added.stream().map(alert -> IncidentAlert.of(id, alert)).toList());
      for (AlertSignal alert : added) {
        entries.add(fired(id, alert));
        if (!alert.isFiring()) {
          entries.add(resolved(id, alert));
        }
      }
      timeline.insertAll(entries);
      entries.clear();
    }
    for (AlertSignal alert : plan.refired()) {
      alertRows.refireAlert(IncidentAlert.of(id, alert));
      entries.add(fired(id, alert));
    }
    for (AlertSignal alert : plan.resolved()) {
      alertRows.resolveAlert(IncidentAlert.of(id, alert));
      entries.add(resolved(id, alert));
    }
    stampAll(entries);
  }

  private static TimelineRepository.NewEntry received(long id, AlertGroupSignal signal, Long last) {
    return new TimelineRepository.NewEntry(
        id,
        signal.receivedAt(),
        TimelineKind.NOTIFICATION_RECEIVED,
        TimelineTexts.received(signal, last),
        TimelineEntry.SYSTEM,
        null);
  }

  private void raisePeaks(long id, AlertMerge.Plan plan, Map<String, AlertState> known) {
    for (AlertSignal alert : plan.raised()) {
      JsonNode peak = known.get(alert.fingerprint()).peakValues();
      alertRows.raisePeak(id, alert.fingerprint(), AlertValues.raisedPeak(peak, alert.values()));
    }
  }

  /**
   * Auto-resolve: once every alert instance of the incident has resolved, the incident resolves at
   * the latest {@code endsAt}, and the group's next firing opens a new incident.
   */
  private IncidentStatus resolveIfAllResolved(long id, String groupHash) {
    Incident incident = repository.findIncident(id).orElseThrow();
    if (!autoResolve) {
      return incident.status();
    }
    AlertTally tally = alertRows.tally(id);
    if (!tally.allResolved()) {
      return incident.status();
    }
    Instant lastEnd = tally.lastEnd() != null ? tally.lastEnd() : clock.instant();
    // An incident never ends before it started, however the senders' clocks disagree.
    Instant resolvedAt = lastEnd.isBefore(incident.startedAt()) ? incident.startedAt() : lastEnd;
    repository.resolveIncident(id, resolvedAt);
    groups.updateGroup(groupHash, null, id);
    handOff.statusChanged(handle, id, IncidentStatus.RESOLVED, clock.instant());
    stamp(
        id,
        resolvedAt,
        TimelineKind.INCIDENT_RESOLVED,
        TimelineTexts.autoResolved(tally.total()),
        "incident.resolved");
    return IncidentStatus.RESOLVED;
  }

  private static TimelineRepository.NewEntry fired(long id, AlertSignal alert) {
    return new TimelineRepository.NewEntry(
        id,
        alert.startsAt(),
        TimelineKind.ALERT_FIRED,
        TimelineTexts.fired(alert),
        TimelineEntry.SYSTEM,
        "alert.fired/" + alert.fingerprint() + "/" + alert.startsAt().toEpochMilli());
  }

  private static TimelineRepository.NewEntry resolved(long id, AlertSignal alert) {
    return new TimelineRepository.NewEntry(
        id,
        alert.endsAt(),
        TimelineKind.ALERT_RESOLVED,
        TimelineTexts.resolved(alert),
        TimelineEntry.SYSTEM,
        "alert.resolved/" + alert.fingerprint() + "/" + alert.startsAt().toEpochMilli());
  }

  /**
   * Stamps an automatic entry once: an entry with the same key (a replay) is not repeated. An
   * incident opened in this transaction has no entries to look for (its alerts' keys differ).
   */
  private void stamp(long id, Instant at, TimelineKind kind, String text, String dedupKey) {
    stamp(new TimelineRepository.NewEntry(id, at, kind, text, TimelineEntry.SYSTEM, dedupKey));
  }

  private void stamp(TimelineRepository.NewEntry entry) {
    stampAll(List.of(entry));
  }

  /** Writes the entries not written before, in one batch. */
  private void stampAll(List<TimelineRepository.NewEntry> entries) {
    timeline.insertAll(entries.stream().filter(this::notStamped).toList());
  }

  /**
   * An incident opened in this transaction has no entries to look for (its alerts' keys differ).
   */
  private boolean notStamped(TimelineRepository.NewEntry entry) {
    return entry.dedupKey() == null
        || entry.incidentId() == opened
        || !timeline.hasEntry(entry.incidentId(), entry.dedupKey());
  }
}
