package dev.firebell.paging;

import dev.firebell.config.DurationParser;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentRepository;
import dev.firebell.incident.Timeline;
import dev.firebell.incident.TimelineKind;
import dev.firebell.maintenance.Maintenance;
import dev.firebell.maintenance.MaintenanceRepository;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.oncall.Contact;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallResolver;
import dev.firebell.oncall.Person;
import dev.firebell.store.Repositories;
import dev.firebell.store.UniqueViolation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs escalation policies from the database. {@link #tick(Instant)} starts policies for new
 * incidents, runs the steps that are due, and queues status updates when an incident is
 * acknowledged or resolved. Every change claims its row with a conditional UPDATE in the same
 * transaction that queues the pages, so a step is paged once even with several instances ticking.
 */
public final class EscalationEngine {
  private static final Logger log = LoggerFactory.getLogger(EscalationEngine.class);
  private static final int BATCH = 100;

  private final Jdbi jdbi;
  private final OnCall oncall;
  private final Maintenance maintenance;

  public EscalationEngine(Jdbi jdbi, OnCall oncall, Maintenance maintenance) {
    this.jdbi = jdbi;
    this.oncall = oncall;
    this.maintenance = maintenance;
  }

  public void tick(Instant now) {
    startNewIncidents(now);
    runDueSteps(now);
    announceStatusChanges(now);
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

  private void start(Handle handle, long id, Instant now) {
    IncidentRepository incidents = new IncidentRepository(handle);
    Incident incident = incidents.findIncident(id).orElseThrow();
    Map<String, String> labels = routingLabels(incident, incidents.firstAlertLabels(id));
    EscalationRepository escalations = new EscalationRepository(handle);
    Optional<MaintenanceWindow> window = maintenance.activeFor(labels, now);
    if (window.isPresent()) {
      escalations.insert(id, "", Escalation.MAINTENANCE, null, now);
      new MaintenanceRepository(handle).markIncident(id);
      stamp(
          handle,
          id,
          now,
          TimelineKind.MAINTENANCE,
          "In maintenance (" + window.get().reason() + "): recorded, nobody paged");
      log.info("incident {}: in maintenance, nobody paged", id);
      return;
    }
    Optional<EscalationPolicy> policy = oncall.policyFor(labels);
    if (policy.isEmpty()) {
      escalations.insert(id, "", Escalation.UNROUTED, null, now);
      stamp(
          handle,
          id,
          now,
          TimelineKind.ESCALATION_UNROUTED,
          "No route matched the incident's labels: nobody was paged");
      log.warn("incident {}: no route matched, nobody paged", id);
      return;
    }
    escalations.insert(id, policy.get().id(), Escalation.ACTIVE, now, now);
  }

  private Optional<MaintenanceWindow> maintenanceFor(Handle handle, long id, Instant now) {
    IncidentRepository incidents = new IncidentRepository(handle);
    Incident incident = incidents.findIncident(id).orElseThrow();
    return maintenance.activeFor(routingLabels(incident, incidents.firstAlertLabels(id)), now);
  }

  /**
   * The group's common labels, completed by its first alert's, decide the route. Only that one
   * alert is read: a storm's incident can carry thousands.
   */
  private static Map<String, String> routingLabels(
      Incident incident, List<Map<String, String>> firstAlertLabels) {
    Map<String, String> labels = new HashMap<>();
    firstAlertLabels.forEach(labels::putAll);
    labels.putAll(incident.groupLabels());
    labels.putAll(incident.commonLabels());
    return labels;
  }

  private void runDueSteps(Instant now) {
    List<Escalation> due =
        Repositories.with(jdbi, EscalationRepository::new, r -> r.due(now, BATCH));
    for (Escalation escalation : due) {
      inOwnTransaction(
          escalation.incidentId(), "run its next step", handle -> runStep(handle, escalation, now));
    }
  }

  private void runStep(Handle handle, Escalation escalation, Instant now) {
    EscalationRepository escalations = new EscalationRepository(handle);
    long id = escalation.incidentId();
    int n = escalation.nextStep();
    EscalationPolicy policy = oncall.policies().get(escalation.policyId());
    if (policy == null || n >= policy.totalSteps()) {
      if (escalations.stop(id, n, Escalation.EXHAUSTED) == 1) {
        stamp(
            handle, id, now, TimelineKind.ESCALATION_EXHAUSTED, exhaustedText(policy, escalation));
      }
      return;
    }
    Optional<MaintenanceWindow> window = maintenanceFor(handle, id, now);
    if (window.isPresent()) {
      if (escalations.stop(id, n, Escalation.MAINTENANCE) == 1) {
        new MaintenanceRepository(handle).markIncident(id);
        stamp(
            handle,
            id,
            now,
            TimelineKind.ESCALATION_STOPPED,
            "Escalation stopped: maintenance began (" + window.get().reason() + ")");
      }
      return;
    }
    EscalationStep step = policy.step(n);
    if (escalations.claimStep(id, n, now.plus(step.escalateAfter())) == 0) {
      return; // acknowledged, resolved, or claimed by another instance
    }
    if (n > 0) {
      stamp(handle, id, now, TimelineKind.ESCALATED, escalatedText(policy, n));
    }
    List<String> people = OnCallResolver.peopleFor(step, oncall, now);
    if (people.isEmpty()) {
      stamp(
          handle,
          id,
          now,
          TimelineKind.ESCALATION_NOBODY,
          stepName(policy, n) + ": nobody is on call for " + targets(step));
      return;
    }
    DeliveryRepository deliveries = new DeliveryRepository(handle);
    for (String personId : people) {
      Person person = oncall.people().get(personId);
      for (int index = 0; index < person.contacts().size(); index++) {
        Contact contact = person.contacts().get(index);
        deliveries.insert(id, personId, index, contact.channel(), Delivery.PAGE, n, now);
      }
    }
    stamp(handle, id, now, TimelineKind.PAGE_SENT, pageSentText(policy, n, step, people));
    log.info("incident {}: {} paging {}", id, stepName(policy, n), people);
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
    if (escalations.announce(id, change.announcedStatus(), change.status()) == 0) {
      return;
    }
    DeliveryRepository deliveries = new DeliveryRepository(handle);
    deliveries.cancelPendingPages(id);
    if (Escalation.ACTIVE.equals(change.state())) {
      stamp(
          handle,
          id,
          now,
          TimelineKind.ESCALATION_STOPPED,
          "Escalation stopped: the incident was " + change.status().toLowerCase());
    }
    int round = "RESOLVED".equals(change.status()) ? 2 : 1;
    for (PagedContact paged : deliveries.deliveredPages(id)) {
      deliveries.insert(
          id,
          paged.personId(),
          paged.contactIndex(),
          paged.channel(),
          Delivery.STATUS_UPDATE,
          round,
          now);
    }
  }

  private String pageSentText(
      EscalationPolicy policy, int n, EscalationStep step, List<String> people) {
    String who =
        people.stream()
            .map(id -> oncall.people().get(id))
            .map(person -> person.name() + " (" + channels(person) + ")")
            .collect(Collectors.joining(", "));
    return "Paged " + who + ": " + stepName(policy, n) + ", " + targets(step);
  }

  private static String channels(Person person) {
    return person.contacts().isEmpty()
        ? "no contacts"
        : person.contacts().stream().map(Contact::channel).collect(Collectors.joining(", "));
  }

  private static String escalatedText(EscalationPolicy policy, int n) {
    EscalationStep previous = policy.step(n - 1);
    return "Not acknowledged within "
        + DurationParser.format(previous.escalateAfter())
        + ": escalated to "
        + stepName(policy, n).toLowerCase();
  }

  private static String exhaustedText(EscalationPolicy policy, Escalation escalation) {
    if (policy == null) {
      return "Escalation ended: policy '" + escalation.policyId() + "' is no longer configured";
    }
    return "Escalation exhausted: nobody acknowledged after every step of policy '"
        + policy.id()
        + "'"
        + (policy.repeat() > 0 ? " and " + policy.repeat() + " repeat(s)" : "");
  }

  static String stepName(EscalationPolicy policy, int n) {
    int steps = policy.steps().size();
    String name = "Step " + (n % steps + 1) + " of " + steps;
    return n >= steps ? name + " (repeat " + n / steps + ")" : name;
  }

  private static String targets(EscalationStep step) {
    return step.targets().stream().map(Object::toString).collect(Collectors.joining(", "));
  }

  private static void stamp(Handle handle, long id, Instant at, TimelineKind kind, String text) {
    Timeline.on(handle).stamp(id, at, kind, text);
  }
}
