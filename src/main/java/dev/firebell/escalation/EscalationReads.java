package dev.firebell.escalation;

import dev.firebell.notify.DeliveryRepository;
import dev.firebell.notify.PageRecord;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallResolver;
import dev.firebell.oncall.Rota;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Reads an incident's escalation and pages back as an {@link EscalationView}. */
public final class EscalationReads {
  private final Jdbi jdbi;
  private final Rota rota;

  public EscalationReads(Jdbi jdbi, Rota rota) {
    this.jdbi = jdbi;
    this.rota = rota;
  }

  /** Empty for an incident that never escalated (a test notification, or one still opening). */
  public Optional<EscalationView> of(long incidentId) {
    return jdbi.withHandle(
        handle -> {
          Optional<Escalation> found = new EscalationRepository(handle).find(incidentId);
          if (found.isEmpty()) {
            return Optional.empty();
          }
          List<PageRecord> pages = new DeliveryRepository(handle).pages(incidentId);
          return Optional.of(view(found.get(), pages, rota.current(handle)));
        });
  }

  static EscalationView view(Escalation escalation, List<PageRecord> pages, OnCall oncall) {
    EscalationPolicy policy = Policies.find(oncall, escalation.policyId());
    boolean running = escalation.state() == EscalationState.ACTIVE;
    int n = escalation.nextStep();
    Integer steps = policy == null ? null : policy.steps().size();
    Integer step = policy == null || n == 0 ? null : (n - 1) % steps + 1;
    List<String> nextTargets = List.of();
    List<String> nextPeople = List.of();
    if (running && policy != null && n < policy.totalSteps() && escalation.nextStepAt() != null) {
      EscalationStep next = policy.step(n);
      nextTargets = next.targets().stream().map(Object::toString).toList();
      nextPeople = OnCallResolver.peopleFor(next, oncall, escalation.nextStepAt());
    }
    List<EscalationView.Paged> paged =
        pages.stream()
            .map(
                page ->
                    new EscalationView.Paged(
                        page.personId(),
                        page.contactId(),
                        page.channel(),
                        page.deliveredAt() != null ? page.deliveredAt() : page.createdAt(),
                        page.status().name().toLowerCase(Locale.ROOT)))
            .toList();
    return new EscalationView(
        escalation.policyId().isEmpty() ? null : escalation.policyId(),
        escalation.state().name().toLowerCase(Locale.ROOT),
        step,
        steps,
        running ? escalation.nextStepAt() : null,
        nextTargets,
        nextPeople,
        paged,
        paged.isEmpty() ? whyNobody(escalation.state()) : null);
  }

  /** Why nobody was paged, and what a responder can do about it. */
  static String whyNobody(EscalationState state) {
    return switch (state) {
      case UNROUTED ->
          "No route matched this incident's labels, so nobody was paged: add responders, or a"
              + " route for these labels in oncall.yaml.";
      case MAINTENANCE ->
          "A maintenance window covers this incident, so nobody was paged: add responders to"
              + " page someone.";
      default ->
          "Nobody has been paged (nobody on call, or nobody with a contact): add responders, or an"
              + " override in the schedule.";
    };
  }
}
