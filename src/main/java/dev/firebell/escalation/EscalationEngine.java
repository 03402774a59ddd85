package dev.firebell.escalation;

import dev.firebell.config.DurationParser;
import dev.firebell.config.Urgency;
import dev.firebell.incident.Actor;
import dev.firebell.incident.Declaration;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentHandOff;
import dev.firebell.incident.IncidentRows;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.Queued;
import dev.firebell.incident.Responders;
import dev.firebell.incident.timeline.Timeline;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.maintenance.Maintenance;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.notify.Delivery;
import dev.firebell.notify.DeliveryRepository;
import dev.firebell.notify.PageHandOver;
import dev.firebell.notify.PagedContact;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallResolver;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Schedule;
import dev.firebell.paging.PagingScheduler;
import dev.firebell.store.Repositories;
import dev.firebell.store.UniqueViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs escalation policies from the database. A new incident's escalation starts, and its first
 * step's pages are queued, in the transaction that opens the incident ({@link #opened}); an
 * acknowledgement or resolution stops it and queues status updates in its own ({@link
 * #statusChanged}). {@link #tick(Instant)} runs the steps that are due; {@link #catchUp(Instant)}
 * finds what those hand-offs did not see. Every change claims its row with a conditional UPDATE in
 * the same transaction that queues the pages, so a step is paged once even with several instances
 * ticking.
 */
public final class EscalationEngine implements IncidentHandOff {
  private static final Logger log = LoggerFactory.getLogger(EscalationEngine.class);
  private static final int BATCH = 100;

  private final Jdbi jdbi;
  private final Rota rota;
  private final Maintenance maintenance;
  private final PageHandOver handOver;

  /**
   * @param handOver takes a new incident's first pages to a sender once the incident is durable
   */
  public EscalationEngine(Jdbi jdbi, Rota rota, Maintenance maintenance, PageHandOver handOver) {
    this.jdbi = jdbi;
    this.rota = rota;
    this.maintenance = maintenance;
    this.handOver = handOver;
  }

  /** Expires acknowledgements that ran out, then runs the steps that are due. */
  public void tick(Instant now) {
    expireAcknowledgements(now);
    runDueSteps(now);
  }

  private void expireAcknowledgements(Instant now) {
    List<Long> ids =
        Repositories.with(
            jdbi, EscalationRepository::new, r -> r.expiredAcknowledgements(now, BATCH));
    for (long id : ids) {
      inOwnTransaction(id, "expire its acknowledgement", handle -> expireAck(handle, id, now));
    }
  }

  /**
   * The incident goes back to triggered and its policy starts again at step 1, due now: the steps
   * run right after, in this same pass. The incident's conditional update is the claim.
   */
  private void expireAck(Handle handle, long id, Instant now) {
    EscalationRepository escalations = new EscalationRepository(handle);
    Escalation escalation = escalations.find(id).orElseThrow();
    EscalationPolicy policy = Policies.find(rota.current(handle), escalation.policyId());
    String timeout =
        policy == null || policy.ackTimeout() == null
            ? "its timeout"
            : DurationParser.format(policy.ackTimeout());
    String text =
        "Acknowledgement expired after " + timeout + " without resolution: paging starts again";
    if (IncidentRows.on(handle).expireAcknowledgement(id, now, text)) {
      escalations.restartAfterExpiredAck(id, now);
      log.info("incident {}: acknowledgement expired, escalation starts again", id);
    }
  }

  /**
   * Starts triggered incidents that have no escalation and announces status changes nobody
   * announced: what the hand-offs of an older release (or an instance of one) left undone. These
   * queries read every open incident, so {@link PagingScheduler} runs them once a minute on a
   * thread of their own, where they delay no page.
   */
  public void catchUp(Instant now) {
    startNewIncidents(now);
    announceStatusChanges(now);
  }

  /**
   * A person asked for the next step now: it runs in their transaction, as a due step would, paging
   * at once (maintenance windows do not hold back a page a person asked for).
   */
  @Override
  public boolean escalateNow(Handle handle, long id, Actor actor, Instant now) {
    Optional<Escalation> found = new EscalationRepository(handle).find(id);
    if (found.isEmpty() || found.get().state() != EscalationState.ACTIVE) {
      return false;
    }
    Escalation escalation = found.get();
    OnCall oncall = rota.current(handle);
    EscalationPolicy policy = Policies.find(oncall, escalation.policyId());
    Incident incident = IncidentRows.on(handle).find(id).orElseThrow();
    EscalationDecider.Decision decision =
        EscalationDecider.decide(
            escalation, policy, incident.urgency(), Optional.empty(), oncall, now);
    if (policy != null && escalation.nextStep() < policy.totalSteps()) {
      decision =
          EscalationDecider.escalatedBy(
              decision,
              "Escalated by "
                  + actor.name()
                  + " via "
                  + actor.via()
                  + " to "
                  + EscalationDecider.stepName(policy, escalation.nextStep()).toLowerCase());
    }
    decision.applyTo(DecisionWriter.forDue(handle, escalation, now));
    return true;
  }

  /** Unacknowledged by hand: the step that was running pages again now, and escalation goes on. */
  @Override
  public void reopened(Handle handle, long id, Instant now) {
    EscalationRepository escalations = new EscalationRepository(handle);
    if (escalations.resumeAfterUnacknowledge(id, now) == 1) {
      runStep(handle, escalations.find(id).orElseThrow(), now);
    }
  }

  /**
   * Pages each person, and everyone on call in each schedule, at once by their notification rules,
   * in a round of its own; stamps who was added and who was paged.
   */
  @Override
  public List<String> respondersAdded(
      Handle handle, long id, Responders responders, Actor actor, Instant now) {
    OnCall oncall = rota.current(handle);
    Set<String> people = new LinkedHashSet<>();
    List<String> added = new ArrayList<>();
    for (String personId : responders.persons()) {
      if (oncall.person(personId).isPresent()) {
        people.add(personId);
        added.add(oncall.person(personId).get().name());
      }
    }
    for (String scheduleId : responders.schedules()) {
      Schedule schedule = oncall.schedules().get(scheduleId);
      if (schedule != null) {
        List<String> onCall = OnCallResolver.onCallAt(schedule, now);
        people.addAll(onCall);
        added.add(
            "everyone on call in schedule:"
                + scheduleId
                + " ("
                + (onCall.isEmpty()
                    ? "nobody"
                    : String.join(", ", onCall.stream().map(p -> name(oncall, p)).toList()))
                + ")");
      }
    }
    Timeline timeline = Timeline.on(handle);
    timeline.stamp(
        id,
        now,
        TimelineKind.RESPONDERS_ADDED,
        actor.name() + " added " + String.join(", ", added) + " via " + actor.via());
    Incident incident = IncidentRows.on(handle).find(id).orElseThrow();
    DeliveryRepository deliveries = new DeliveryRepository(handle);
    int round = deliveries.nextResponderRound(id);
    List<String> paged = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (String personId : people) {
      Person person = oncall.person(personId).orElseThrow();
      List<Person.ContactPage> pages = person.pagesFor(incident.urgency());
      for (Person.ContactPage page : pages) {
        deliveries.insert(
            id,
            personId,
            page.contact().id(),
            page.contact().channel(),
            Delivery.PAGE,
            round,
            page.after(),
            now);
      }
      if (!pages.isEmpty()) {
        paged.add(personId);
      }
      texts.add(person.name() + " (" + EscalationDecider.contacts(pages) + ")");
    }
    if (!texts.isEmpty()) {
      timeline.stamp(
          id,
          now,
          TimelineKind.PAGE_SENT,
          "Paged " + String.join(", ", texts) + ": added as responders by " + actor.name());
    }
    log.info("incident {}: {} added responders, paging {}", id, actor.personId(), paged);
    return List.copyOf(paged);
  }

  private static String name(OnCall oncall, String personId) {
    return oncall.person(personId).map(Person::name).orElse(personId);
  }

  /** Stops the escalation and queues status updates, in the transaction that changed the status. */
  @Override
  public void statusChanged(Handle handle, long id, IncidentStatus status, Instant now) {
    new EscalationRepository(handle)
        .find(id)
        .ifPresent(
            escalation ->
                announce(
                    handle,
                    new StatusChange(
                        id,
                        escalation.announcedStatus(),
                        status,
                        escalation.state(),
                        escalation.restarts()),
                    now));
  }

  private void startNewIncidents(Instant now) {
    List<Long> ids =
        Repositories.with(jdbi, EscalationRepository::new, r -> r.incidentsToStart(BATCH));
    for (long id : ids) {
      inOwnTransaction(id, "start its escalation", handle -> start(handle, id, now));
    }
  }

  /**
   * One incident's work in its own transaction, so one failure holds up no other incident. A unique
   * violation means another instance did the same work a moment ago; any other failure rolls back,
   * is logged, and the next pass finds the same work again (it is found by query).
   */
  private void inOwnTransaction(long id, String what, HandleConsumer<RuntimeException> work) {
    try {
      jdbi.useTransaction(work);
    } catch (JdbiException e) {
      if (UniqueViolation.is(e)) {
        log.debug("incident {}: another instance did {} first", id, what);
      } else {
        log.error("incident {}: could not {}; retrying at the next pass", id, what, e);
      }
    }
  }

  /**
   * Starts a new incident's escalation and runs its first step, in the incident's transaction; the
   * pages it queued for now go straight to a sender once the incident is durable.
   */
  @Override
  public Queued opened(
      Handle handle, long id, Map<String, String> routingLabels, Urgency urgency, Instant now) {
    List<Delivery> pages = begin(handle, id, routingLabels, urgency, now);
    return pages.isEmpty() ? Queued.NOTHING : outboxPass -> handOver.handOver(pages);
  }

  /**
   * Starts a declared incident's escalation, in its transaction: the target's own step (a person,
   * or everyone on call in a schedule) or a configured policy from its first step. Maintenance
   * windows do not hold back a page a person asked for.
   */
  @Override
  public void declared(
      Handle handle, long id, Declaration.Target target, Urgency urgency, Instant now) {
    OnCall oncall = rota.current(handle);
    EscalationPolicy policy = Policies.forDeclared(oncall, target);
    if (policy == null) {
      throw new IllegalArgumentException(target + " is not in the on-call configuration");
    }
    EscalationDecider.decide(
            Escalation.first(id, policy.id(), now), policy, urgency, Optional.empty(), oncall, now)
        .applyTo(DecisionWriter.forNew(handle, id, policy.id(), now));
  }

  private void start(Handle handle, long id, Instant now) {
    IncidentRows rows = IncidentRows.on(handle);
    Incident incident = rows.find(id).orElseThrow();
    begin(handle, id, rows.routingLabels(incident), incident.urgency(), now);
  }

  /**
   * Decides how a new incident's escalation begins (pure), then writes it as already claimed;
   * answers the pages it queued for now.
   */
  private List<Delivery> begin(
      Handle handle, long id, Map<String, String> labels, Urgency urgency, Instant now) {
    EscalationDecider.Beginning beginning =
        EscalationDecider.begin(
            id,
            labels,
            urgency,
            maintenance.activeFor(handle, labels, now),
            rota.current(handle),
            now);
    if (beginning.urgency() != null
        && IncidentRows.on(handle).setUrgency(id, beginning.urgency())) {
      Timeline.on(handle)
          .stamp(
              id,
              now,
              TimelineKind.URGENCY_SET,
              "Urgency " + beginning.urgency().wireName() + ", as its route sets it");
    }
    DecisionWriter writer = DecisionWriter.forNew(handle, id, beginning.policyId(), now);
    beginning.decision().applyTo(writer);
    return writer.dueNow();
  }

  private void runDueSteps(Instant now) {
    List<Escalation> due =
        Repositories.with(jdbi, EscalationRepository::new, r -> r.due(now, BATCH));
    for (Escalation escalation : due) {
      inOwnTransaction(
          escalation.incidentId(), "run its next step", handle -> runStep(handle, escalation, now));
    }
  }

  /** Decides what the due step does (pure), then claims it and writes the decision. */
  private void runStep(Handle handle, Escalation escalation, Instant now) {
    long id = escalation.incidentId();
    int n = escalation.nextStep();
    OnCall oncall = rota.current(handle);
    EscalationPolicy policy = Policies.find(oncall, escalation.policyId());
    IncidentRows rows = IncidentRows.on(handle);
    Incident incident = rows.find(id).orElseThrow();
    Optional<MaintenanceWindow> window =
        policy == null || n >= policy.totalSteps()
            ? Optional.empty()
            : maintenance.activeFor(handle, rows.routingLabels(incident), now);
    EscalationDecider.decide(escalation, policy, incident.urgency(), window, oncall, now)
        .applyTo(DecisionWriter.forDue(handle, escalation, now));
  }

  private void announceStatusChanges(Instant now) {
    List<StatusChange> changes =
        Repositories.with(jdbi, EscalationRepository::new, r -> r.statusChanges(BATCH));
    for (StatusChange change : changes) {
      inOwnTransaction(
          change.incidentId(), "announce its new status", handle -> announce(handle, change, now));
    }
  }

  /** Stops escalation and tells everyone already paged that the incident moved on. */
  private void announce(Handle handle, StatusChange change, Instant now) {
    EscalationRepository escalations = new EscalationRepository(handle);
    long id = change.incidentId();
    if (escalations.announce(
            id, change.announcedStatus(), change.status(), ackExpiry(handle, id, change, now))
        == 0) {
      return;
    }
    DeliveryRepository deliveries = new DeliveryRepository(handle);
    deliveries.cancelPendingPages(id);
    if (change.state() == EscalationState.ACTIVE) {
      stamp(
          handle,
          id,
          now,
          TimelineKind.ESCALATION_STOPPED,
          "Escalation stopped: the incident was " + change.status().wireName());
    }
    int round =
        change.restarts() * Escalation.ROUNDS_PER_RESTART
            + (change.status() == IncidentStatus.RESOLVED ? 2 : 1);
    for (PagedContact paged : deliveries.deliveredPages(id)) {
      deliveries.insert(
          id,
          paged.personId(),
          paged.contactId(),
          paged.channel(),
          Delivery.STATUS_UPDATE,
          round,
          Duration.ZERO,
          now);
    }
  }

  /** Until when an acknowledgement holds under its policy's {@code ackTimeout}; null: for good. */
  private Instant ackExpiry(Handle handle, long id, StatusChange change, Instant now) {
    if (change.status() != IncidentStatus.ACKNOWLEDGED) {
      return null;
    }
    return new EscalationRepository(handle)
        .find(id)
        .map(escalation -> Policies.find(rota.current(handle), escalation.policyId()))
        .map(EscalationPolicy::ackTimeout)
        .map(now::plus)
        .orElse(null);
  }

  private static void stamp(Handle handle, long id, Instant at, TimelineKind kind, String text) {
    Timeline.on(handle).stamp(id, at, kind, text);
  }
}
