package dev.firebell.incident.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.config.SeverityConfig;
import dev.firebell.config.Urgency;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentHandOff;
import dev.firebell.incident.IncidentRepository;
import dev.firebell.incident.IncidentService;
import dev.firebell.incident.IncidentStatus;
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

/** Applies one notification to its alert group inside the caller's transaction. */
public final class GroupRecorder {
  /** Rows a batch inserts: fewer statements, in bounded memory. */
  private static final int BATCH = 500;

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
    AlertGroup group = unseen ? createGroup(signal) : lockOrCreateGroup(signal);
    if (group.openIncidentId() != null) {
      return updateOpenIncident(group, signal);
    }
    return openIncident(group, signal);
  }

  /**
   * The group's row, locked. A row this transaction inserts is as good as locked: a concurrent
   * first sight waits on its primary key and then retries.
   */
  private AlertGroup lockOrCreateGroup(AlertGroupSignal signal) {
    return groups.lockGroup(signal.groupHash()).orElseGet(() -> createGroup(signal));
  }

  /**
   * The group's first sight. Should another transaction have inserted it since it was found
   * missing, its primary key refuses this one, which runs again and locks the row instead. (H2
   * parses a {@code FOR UPDATE} query on every run, so a new group is spared the lock's query.)
   */
  private AlertGroup createGroup(AlertGroupSignal signal) {
    groups.insertGroup(signal);
    return new AlertGroup(signal.groupHash(), null, null);
  }

  private RecordResult openIncident(AlertGroupSignal signal, List<AlertSignal> alerts, Long last) {
    Urgency urgency = severity.urgencyFor(signal.severity());
    long id = repository.insertIncident(signal, signal.startedAt(alerts), last, urgency);
    opened = id;
    groups.updateGroup(signal.groupHash(), id, id);
    AlertMerge.Plan plan = AlertMerge.plan(Map.of(), alerts);
    apply(id, plan, received(id, signal, last));
    // A new incident with a firing alert stays triggered; no need to read it back.
    IncidentStatus status =
        alerts.stream().anyMatch(AlertSignal::isFiring)
            ? IncidentStatus.TRIGGERED
            : resolveIfAllResolved(id, signal.groupHash());
    if (status == IncidentStatus.TRIGGERED && !signal.test()) {
      handOff.opened(handle, id, routingLabels(signal, alerts), urgency, clock.instant());
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
      raisePeaks(id, plan, known);
      Incident incident = repository.findIncident(id).orElseThrow();
      RecordOutcome outcome = plan.isEmpty() ? RecordOutcome.UNCHANGED : RecordOutcome.UPDATED;
      return new RecordResult(outcome, id, incident.status());
    }
    repository.widenIncident(id, signal.startedAt(plan.added()), signal.truncatedAlerts());
    raisePeaks(id, plan, known);
    apply(id, plan, received(id, signal, null));
    IncidentStatus status = resolveIfAllResolved(id, signal.groupHash());
    return new RecordResult(RecordOutcome.UPDATED, id, status);
  }

  /**
   * New instances and their entries go in batches of {@link #BATCH}. A JDBC batch holds every row's
   * values until it runs: one batch of a 20,000-alert notification took the heap to 230 MB. The
   * notification's own entry goes with the first batch of entries, and the entries of refired and
   * resolved instances in one batch after them.
   */
  private void apply(long id, AlertMerge.Plan plan, TimelineRepository.NewEntry received) {
    List<TimelineRepository.NewEntry> entries = new ArrayList<>(List.of(received));
    List<AlertSignal> added = plan.added();
    for (int from = 0; from < added.size(); from += BATCH) {
      List<AlertSignal> batch = added.subList(from, Math.min(added.size(), from + BATCH));
      alertRows.insertAlerts(batch.stream().map(alert -> IncidentAlert.of(id, alert)).toList());
      for (AlertSignal alert : batch) {
        entries.add(fired(id, alert));
        if (!alert.isFiring()) {
          entries.add(resolved(id, alert));
        }
      }
      stampIfFull(entries);
    }
    for (AlertSignal alert : plan.refired()) {
      alertRows.refireAlert(IncidentAlert.of(id, alert));
      entries.add(fired(id, alert));
      stampIfFull(entries);
    }
    for (AlertSignal alert : plan.resolved()) {
      alertRows.resolveAlert(IncidentAlert.of(id, alert));
      entries.add(resolved(id, alert));
      stampIfFull(entries);
    }
    stampAll(entries);
  }

  /** Writes the entries waiting once they fill a batch, and empties the list. */
  private void stampIfFull(List<TimelineRepository.NewEntry> entries) {
    if (entries.size() >= BATCH) {
      stampAll(entries);
      entries.clear();
    }
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
