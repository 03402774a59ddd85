package dev.firebell.incident;

import dev.firebell.config.SeverityConfig;
import dev.firebell.config.Urgency;
import dev.firebell.incident.alert.AlertGroupSignal;
import dev.firebell.incident.alert.AlertMerge;
import dev.firebell.incident.alert.AlertState;
import dev.firebell.incident.alert.GroupRecorder;
import dev.firebell.incident.alert.GroupRepository;
import dev.firebell.incident.alert.GroupSighting;
import dev.firebell.incident.alert.OpenIncident;
import dev.firebell.incident.alert.RecordOutcome;
import dev.firebell.incident.alert.RecordResult;
import dev.firebell.incident.review.IncidentEdit;
import dev.firebell.incident.review.IncidentEditor;
import dev.firebell.incident.timeline.TimelineEntry;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.incident.timeline.TimelineRepository;
import dev.firebell.security.UsedLinkRepository;
import dev.firebell.store.Durability;
import dev.firebell.store.Platform;
import dev.firebell.store.UniqueViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens, updates and resolves incidents from alert notifications and from people ({@link
 * IncidentReads} reads them back). Every notification is one transaction under its group's row lock
 * (a large one, one for each part of 500 alerts), so duplicate and concurrent deliveries (Grafana
 * HA sends one from every replica) give one incident and one timeline, on one Firebell instance or
 * several.
 */
public final class IncidentService {
  private final Jdbi jdbi;
  private final Durability durability;
  private final Clock clock;
  private final boolean autoResolve;
  private final SeverityConfig severity;
  private final Runnable onChange;
  private final IncidentObserver observer;
  private final IncidentHandOff handOff;

  /** The service over the platform's database, with {@code incidents.autoResolve}. */
  public static IncidentService create(Platform platform, IncidentHooks hooks) {
    return new IncidentService(
        platform.jdbi(),
        platform.database().durability(),
        platform.clock(),
        platform.config().incidents().autoResolve(),
        platform.config().severity(),
        hooks);
  }

  public IncidentService(
      Jdbi jdbi,
      Durability durability,
      Clock clock,
      boolean autoResolve,
      SeverityConfig severity,
      IncidentHooks hooks) {
    this.jdbi = jdbi;
    this.durability = durability;
    this.clock = clock;
    this.autoResolve = autoResolve;
    this.severity = severity;
    this.handOff = hooks.handOff();
    this.observer = hooks.observer();
    this.onChange = hooks.onChange();
  }

  /** Records a notification; returns once what it changed is durable. */
  public RecordResult record(AlertGroupSignal signal) {
    Recorded recorded = jdbi.withHandle(handle -> record(handle, signal));
    RecordResult result = recorded.result();
    if (result.changedSomething()) {
      durability.awaitDurable();
      boolean opened = result.outcome() == RecordOutcome.OPENED;
      boolean resolved = result.status() == IncidentStatus.RESOLVED;
      // What an opening tells is in the notification; only a resolution is read back.
      if (opened) {
        observer.opened(signal.severity(), signal.service(), signal.test());
        recorded.queued().start(onChange);
      }
      if (resolved) {
        observer.resolved(find(result.incidentId()));
        onChange.run();
      }
    }
    return result;
  }

  /** A notification as recorded, with what a new incident of it queued for the outbox. */
  private record Recorded(RecordResult result, Queued queued) {}

  /**
   * Reads the group, then records the notification in a transaction on the same connection, unless
   * it only repeats what the open incident knows.
   */
  private Recorded record(Handle handle, AlertGroupSignal signal) {
    GroupSighting sighting =
        new GroupRepository(handle).sight(signal.groupHash(), signal.anyNumbers());
    RecordResult repeat = knownRepeat(sighting, signal);
    if (repeat != null) {
      return new Recorded(repeat, Queued.NOTHING);
    }
    // Only the first attempt may take the group for new: a retry follows a lost race for it.
    AtomicBoolean unseen = new AtomicBoolean(!sighting.seen());
    AtomicReference<GroupRecorder> recorded = new AtomicReference<>();
    RecordResult result =
        UniqueViolation.retry(
            () ->
                handle.inTransaction(
                    transaction -> {
                      GroupRecorder recorder = recorder(transaction);
                      RecordResult first = recorder.record(signal, unseen.getAndSet(false));
                      recorded.set(recorder);
                      return first;
                    }));
    GroupRecorder.Rest rest = recorded.get().rest();
    return new Recorded(
        rest == null ? result : recordRest(handle, signal, result, rest), recorded.get().queued());
  }

  /**
   * The parts of a large notification after its first, each in a transaction of its own, so memory
   * holds one part's rows, not the storm's. The first part opened (and paged) the incident or
   * updated it; the sender hears back once the last is written, and a delivery cut off half-way is
   * sent again and merged like any repeat.
   */
  private RecordResult recordRest(
      Handle handle, AlertGroupSignal signal, RecordResult first, GroupRecorder.Rest rest) {
    IncidentStatus status = first.status();
    List<AlertMerge.Plan> parts = rest.parts();
    for (int n = 0; n < parts.size(); n++) {
      AlertMerge.Plan part = parts.get(n);
      boolean last = n == parts.size() - 1;
      // A retry follows a concurrent delivery's insert of one of the part's alerts.
      AtomicBoolean again = new AtomicBoolean(false);
      status =
          UniqueViolation.retry(
              () ->
                  handle.inTransaction(
                      transaction ->
                          recorder(transaction)
                              .recordPart(signal, rest, part, last, again.getAndSet(true))));
    }
    return new RecordResult(first.outcome(), first.incidentId(), status);
  }

  private GroupRecorder recorder(Handle transaction) {
    return new GroupRecorder(transaction, clock, autoResolve, severity, handOff);
  }

  /**
   * The common case in a storm: a notification that only repeats what the open incident already
   * knows. Answered from a plain read, without the group's row lock, so repeats do not queue behind
   * each other; anything that might change something takes the locked path.
   */
  private static RecordResult knownRepeat(GroupSighting sighting, AlertGroupSignal signal) {
    OpenIncident open = sighting.open();
    if (open == null || !open.status().isOpen()) {
      return null;
    }
    return AlertMerge.plan(open.alerts(), signal.alerts()).isEmpty()
        ? new RecordResult(RecordOutcome.UNCHANGED, open.id(), open.status())
        : null;
  }

  /** A person acknowledges: escalation stops. Says so when it was already acknowledged. */
  public ActionResult acknowledge(long id, Actor actor) {
    return act(handle -> new IncidentActions(handle).acknowledge(id, actor, now()));
  }

  /** A person resolves the incident by hand. */
  public ActionResult resolve(long id, Actor actor) {
    return act(handle -> new IncidentActions(handle).resolve(id, actor, now()));
  }

  /**
   * The next escalation step pages at once, for a triggered incident whose escalation is running.
   *
   * @throws IncidentConflict when the incident is not triggered or nothing is escalating
   */
  public Incident escalateNow(long id, Actor actor) {
    Instant now = now();
    Incident incident =
        jdbi.inTransaction(
            handle -> {
              new IncidentActions(handle).triggered(id, "escalate");
              if (!handOff.escalateNow(handle, id, actor, now)) {
                throw new IncidentConflict(
                    "incident "
                        + id
                        + " has no escalation running (unrouted, exhausted or in"
                        + " maintenance): add responders instead");
              }
              return new IncidentRepository(handle).findIncident(id).orElseThrow();
            });
    durability.awaitDurable();
    onChange.run();
    return incident;
  }

  /**
   * Puts an acknowledged incident back to triggered: its escalation resumes at the step that was
   * running, at once. False (and nothing changed) when it was not acknowledged.
   */
  public boolean unacknowledge(long id, Actor actor) {
    Instant now = now();
    boolean done =
        jdbi.inTransaction(
            handle -> {
              if (!new IncidentActions(handle).unacknowledge(id, actor, now)) {
                return false;
              }
              handOff.reopened(handle, id, now);
              return true;
            });
    if (done) {
      durability.awaitDurable();
      onChange.run();
    }
    return done;
  }

  /**
   * Pages people and everyone on call in schedules into an open incident at once, each by their
   * notification rules; answers the ids of the people paged.
   *
   * @throws IncidentConflict when the incident is resolved
   */
  public List<String> addResponders(long id, Responders responders, Actor actor) {
    Instant now = now();
    List<String> paged =
        jdbi.inTransaction(
            handle -> {
              new IncidentActions(handle).open(id, "page");
              return handOff.respondersAdded(handle, id, responders, actor, now);
            });
    durability.awaitDurable();
    onChange.run();
    return paged;
  }

  /**
   * Acknowledges or resolves through a one-time link: the link is spent in the same transaction, so
   * a second press, on any instance, changes nothing.
   *
   * @throws LinkAlreadyUsed when the link was used before
   */
  public ActionResult actWithLink(long id, Actor actor, String tokenHash, boolean resolve) {
    return act(
        handle -> {
          UsedLinkRepository links = new UsedLinkRepository(handle);
          if (links.uses(tokenHash) > 0) {
            throw new LinkAlreadyUsed();
          }
          links.markUsed(tokenHash, id, now());
          IncidentActions actions = new IncidentActions(handle);
          return resolve
              ? actions.resolve(id, actor, now())
              : actions.acknowledge(id, actor, now());
        });
  }

  /**
   * A person opens an incident by hand; it pages {@code declaration.target()} in the same
   * transaction, as an alert's first step does. Returns once it is durable.
   */
  public Incident declare(Declaration declaration, Actor actor) {
    Instant now = now();
    Incident incident =
        jdbi.inTransaction(
            handle -> {
              Urgency urgency = severity.urgencyFor(declaration.severity());
              long id = new DeclaredIncidents(handle).declare(declaration, urgency, actor, now);
              handOff.declared(handle, id, declaration.target(), urgency, now);
              return new IncidentRepository(handle).findIncident(id).orElseThrow();
            });
    durability.awaitDurable();
    observer.opened(incident.severity(), incident.service(), incident.test());
    onChange.run();
    return incident;
  }

  /** A person's note on the timeline, at a time they choose (default now). */
  public TimelineEntry addNote(long id, Actor actor, String text, Instant at) {
    Instant when = at == null ? now() : at.truncatedTo(ChronoUnit.MICROS);
    long entryId =
        jdbi.inTransaction(
            handle -> {
              new IncidentRepository(handle)
                  .findIncident(id)
                  .orElseThrow(() -> new IncidentNotFound(id));
              return new TimelineRepository(handle).insertNote(id, when, text, actor.personId());
            });
    TimelineEntry entry =
        new TimelineEntry(entryId, id, when, TimelineKind.NOTE, text, actor.personId());
    durability.awaitDurable();
    return entry;
  }

  /** Edits the fields a person knows; returns the fields that changed. */
  public List<String> edit(long id, Actor actor, IncidentEdit changes) {
    List<String> changed =
        jdbi.inTransaction(handle -> new IncidentEditor(handle).edit(id, actor, changes, now()));
    if (!changed.isEmpty()) {
      durability.awaitDurable();
    }
    return changed;
  }

  private ActionResult act(Function<Handle, ActionResult> action) {
    ActionResult result =
        UniqueViolation.retry(
            () ->
                jdbi.inTransaction(
                    handle -> {
                      ActionResult acted = action.apply(handle);
                      if (acted.outcome().changedSomething()) {
                        Incident incident = acted.incident();
                        handOff.statusChanged(handle, incident.id(), incident.status(), now());
                      }
                      return acted;
                    }));
    if (result.outcome().changedSomething()) {
      durability.awaitDurable();
      if (result.outcome() == ActionOutcome.ACKNOWLEDGED) {
        observer.acknowledged(result.incident());
      } else {
        observer.resolved(result.incident());
      }
      onChange.run();
    }
    return result;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private Incident find(long id) {
    return jdbi.withHandle(
        handle ->
            new IncidentRepository(handle)
                .findIncident(id)
                .orElseThrow(() -> new IncidentNotFound(id)));
  }

  public static Map<String, AlertState> byFingerprint(List<AlertState> alerts) {
    return alerts.stream().collect(Collectors.toMap(AlertState::fingerprint, Function.identity()));
  }
}
