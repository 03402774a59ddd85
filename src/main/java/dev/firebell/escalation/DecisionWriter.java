package dev.firebell.escalation;

import dev.firebell.incident.IncidentRows;
import dev.firebell.incident.timeline.Timeline;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.notify.Delivery;
import dev.firebell.notify.DeliveryRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one decision of {@link EscalationDecider} in the caller's transaction: claims the step
 * (or, for a new incident nobody else can see yet, writes its escalation as already claimed),
 * queues its pages and stamps the timeline. A claim lost to an acknowledgement, a resolution or
 * another instance writes nothing.
 */
final class DecisionWriter implements EscalationDecider.Outcomes {
  private static final Logger log = LoggerFactory.getLogger(DecisionWriter.class);

  private final Handle handle;
  private final EscalationRepository escalations;
  private final Escalation escalation;
  private final boolean isNew;
  private final Instant now;
  private final List<Delivery> dueNow = new ArrayList<>();

  private DecisionWriter(Handle handle, Escalation escalation, boolean isNew, Instant now) {
    this.handle = handle;
    this.escalations = new EscalationRepository(handle);
    this.escalation = escalation;
    this.isNew = isNew;
    this.now = now;
  }

  /** For a new incident's first decision, in the transaction that opens it. */
  static DecisionWriter forNew(Handle handle, long incidentId, String policyId, Instant now) {
    return new DecisionWriter(handle, Escalation.first(incidentId, policyId, now), true, now);
  }

  /** For a due step of a running escalation. */
  static DecisionWriter forDue(Handle handle, Escalation escalation, Instant now) {
    return new DecisionWriter(handle, escalation, false, now);
  }

  /**
   * The pages a new incident's first step queued for now: nobody else can have seen them yet, so
   * they can be handed straight to a sender once the incident is durable.
   */
  List<Delivery> dueNow() {
    return List.copyOf(dueNow);
  }

  @Override
  public void inMaintenance(EscalationDecider.InMaintenance decision) {
    if (end(EscalationState.MAINTENANCE)) {
      IncidentRows.on(handle).markInMaintenance(id());
      stamp(TimelineKind.MAINTENANCE, decision.text());
      log.info("incident {}: in maintenance, nobody paged", id());
    }
  }

  @Override
  public void unrouted(EscalationDecider.Unrouted decision) {
    if (end(EscalationState.UNROUTED)) {
      stamp(TimelineKind.ESCALATION_UNROUTED, decision.text());
      log.warn("incident {}: no route matched, nobody paged", id());
    }
  }

  @Override
  public void exhausted(EscalationDecider.Exhausted decision) {
    if (end(EscalationState.EXHAUSTED)) {
      stamp(TimelineKind.ESCALATION_EXHAUSTED, decision.text());
    }
  }

  @Override
  public void paused(EscalationDecider.Paused decision) {
    if (end(EscalationState.MAINTENANCE)) {
      IncidentRows.on(handle).markInMaintenance(id());
      stamp(TimelineKind.ESCALATION_STOPPED, decision.text());
    }
  }

  @Override
  public void nobodyOnCall(EscalationDecider.NobodyOnCall decision) {
    if (claim(decision.step(), decision.nextAt())) {
      stampEscalated(decision.escalatedText());
      stamp(TimelineKind.ESCALATION_NOBODY, decision.text());
    }
  }

  @Override
  public void runStep(EscalationDecider.RunStep step) {
    if (!claim(step.step(), step.nextAt())) {
      return;
    }
    stampEscalated(step.escalatedText());
    DeliveryRepository deliveries = new DeliveryRepository(handle);
    int round = escalation.pageRound(step.step());
    for (EscalationDecider.Page page : step.pages()) {
      Delivery queued =
          deliveries.queuePage(
              id(), page.personId(), page.contactId(), page.channel(), round, page.after(), now);
      if (isNew && page.after().isZero()) {
        dueNow.add(queued);
      }
    }
    stamp(TimelineKind.PAGE_SENT, step.text());
    log.info(
        "incident {}: {} paging {}",
        id(),
        step.name(),
        step.pages().stream().map(EscalationDecider.Page::personId).distinct().toList());
  }

  /** Takes step {@code step}, due again at {@code nextAt}; false when someone else has it. */
  private boolean claim(int step, Instant nextAt) {
    if (isNew) {
      escalations.insert(
          id(), escalation.policyId(), EscalationState.ACTIVE, step + 1, nextAt, now);
      return true;
    }
    return escalations.claimStep(id(), step, nextAt) == 1;
  }

  /** Ends the escalation in {@code state}; false when it already moved on. */
  private boolean end(EscalationState state) {
    if (isNew) {
      escalations.insert(id(), escalation.policyId(), state, 0, null, now);
      return true;
    }
    return escalations.stop(id(), escalation.nextStep(), state) == 1;
  }

  private void stampEscalated(String escalatedText) {
    if (escalatedText != null) {
      stamp(TimelineKind.ESCALATED, escalatedText);
    }
  }

  private void stamp(TimelineKind kind, String text) {
    Timeline.on(handle).stamp(id(), now, kind, text);
  }

  private long id() {
    return escalation.incidentId();
  }
}
