package dev.firebell.escalation;

import dev.firebell.config.DurationParser;
import dev.firebell.config.Urgency;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallResolver;
import dev.firebell.oncall.Person.ContactPage;
import dev.firebell.oncall.Route;
import dev.firebell.oncall.ScheduleOverride;
import dev.firebell.oncall.contact.ContactMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The escalation rules as one pure function: given an escalation that is due, its policy (null when
 * it is no longer configured), a maintenance window that covers the incident now, and who is on
 * call, what happens next. The engine claims the step and writes the decision; nothing here touches
 * the database or the clock.
 *
 * <ul>
 *   <li>A new incident in a maintenance window is recorded and nobody is paged; one that no route
 *       matches is not paged either; otherwise its policy's first step runs.
 *   <li>A step past the policy's last one (steps times repeats), or a policy that is gone, ends the
 *       escalation: exhausted.
 *   <li>A maintenance window that began since the incident opened stops it: nobody is paged.
 *   <li>Otherwise the step runs: it is due again after its {@code escalateAfter}; step 2 and later
 *       say that the one before was not acknowledged in time; every person its targets resolve to
 *       now is paged by their notification rules for the incident's urgency (each rule's contact
 *       after its delay; every contact at once without rules), or nobody is on call (or reachable)
 *       and the timeline says so.
 * </ul>
 *
 * <p>Java 17 has no pattern {@code switch}, so a decision is applied through {@link Outcomes}: an
 * applier must handle every outcome, and a new one does not compile until each does.
 */
final class EscalationDecider {
  private EscalationDecider() {}

  /** What the engine does with a new incident or a due step. */
  sealed interface Decision
      permits InMaintenance, Unrouted, Exhausted, Paused, NobodyOnCall, RunStep {
    void applyTo(Outcomes outcomes);
  }

  /** Every outcome, each handled by the engine. */
  interface Outcomes {
    void inMaintenance(InMaintenance decision);

    void unrouted(Unrouted decision);

    void exhausted(Exhausted decision);

    void paused(Paused decision);

    void nobodyOnCall(NobodyOnCall decision);

    void runStep(RunStep decision);
  }

  /** A new incident opened inside a maintenance window: recorded, nobody paged. */
  record InMaintenance(String text) implements Decision {
    @Override
    public void applyTo(Outcomes outcomes) {
      outcomes.inMaintenance(this);
    }
  }

  /** No route matched a new incident's labels: nobody paged. */
  record Unrouted(String text) implements Decision {
    @Override
    public void applyTo(Outcomes outcomes) {
      outcomes.unrouted(this);
    }
  }

  /** The escalation ends; {@code text} says why. */
  record Exhausted(String text) implements Decision {
    @Override
    public void applyTo(Outcomes outcomes) {
      outcomes.exhausted(this);
    }
  }

  /** A maintenance window began: the escalation stops without paging. */
  record Paused(String text) implements Decision {
    @Override
    public void applyTo(Outcomes outcomes) {
      outcomes.paused(this);
    }
  }

  /**
   * Step {@code step} runs but reaches nobody (nobody on call, or nobody with a contact), as {@code
   * text} says; it is due again at {@code nextAt}. {@code escalatedText} is null for the first
   * step.
   */
  record NobodyOnCall(int step, Instant nextAt, String escalatedText, String text)
      implements Decision {
    @Override
    public void applyTo(Outcomes outcomes) {
      outcomes.nobodyOnCall(this);
    }
  }

  /**
   * Run step {@code step}, due again at {@code nextAt}, paging {@code pages} (never empty). {@code
   * escalatedText} is null for the first step.
   */
  record RunStep(
      int step, Instant nextAt, String escalatedText, List<Page> pages, String text, String name)
      implements Decision {
    @Override
    public void applyTo(Outcomes outcomes) {
      outcomes.runStep(this);
    }
  }

  /** One contact of one person to page, {@code after} the step runs (by their rules). */
  record Page(String personId, String contactId, String channel, Duration after) {}

  /**
   * A new incident's policy ("" when none applies), what happens first, and the urgency its route
   * sets (null: its severity's).
   */
  record Beginning(String policyId, Decision decision, Urgency urgency) {}

  /**
   * A new incident: in maintenance, unrouted, or the first step of the policy its {@code labels}
   * route to (what {@link #decide} answers for step 1).
   */
  static Beginning begin(
      long incidentId,
      Map<String, String> labels,
      Urgency urgency,
      Optional<MaintenanceWindow> maintenance,
      OnCall oncall,
      Instant now) {
    if (maintenance.isPresent()) {
      return new Beginning(
          "",
          new InMaintenance(
              "In maintenance (" + maintenance.get().reason() + "): recorded, nobody paged"),
          null);
    }
    Optional<Route> route = oncall.routeFor(labels);
    if (route.isEmpty()) {
      return new Beginning(
          "", new Unrouted("No route matched the incident's labels: nobody was paged"), null);
    }
    EscalationPolicy policy = oncall.policies().get(route.get().policy());
    Escalation first = Escalation.first(incidentId, policy.id(), now);
    Urgency routed = route.get().urgency();
    return new Beginning(
        policy.id(),
        decide(first, policy, routed == null ? urgency : routed, Optional.empty(), oncall, now),
        routed);
  }

  /**
   * @param urgency the incident's, which chooses each person's high or low notification rules
   */
  static Decision decide(
      Escalation escalation,
      EscalationPolicy policy,
      Urgency urgency,
      Optional<MaintenanceWindow> maintenance,
      OnCall oncall,
      Instant now) {
    int n = escalation.nextStep();
    if (policy == null || n >= policy.totalSteps()) {
      return new Exhausted(exhaustedText(policy, escalation));
    }
    if (maintenance.isPresent()) {
      return new Paused(
          "Escalation stopped: maintenance began (" + maintenance.get().reason() + ")");
    }
    EscalationStep step = policy.step(n);
    Instant nextAt = now.plus(step.escalateAfter());
    String escalated = n > 0 ? escalatedText(policy, n) : null;
    List<String> people = OnCallResolver.peopleFor(step, oncall, now);
    if (people.isEmpty()) {
      return new NobodyOnCall(
          n, nextAt, escalated, stepName(policy, n) + ": nobody is on call for " + targets(step));
    }
    Map<String, List<ContactPage>> planned = new LinkedHashMap<>();
    for (String personId : people) {
      planned.put(personId, oncall.people().get(personId).pagesFor(urgency));
    }
    List<Page> pages =
        planned.entrySet().stream()
            .flatMap(
                entry ->
                    entry.getValue().stream()
                        .map(
                            page ->
                                new Page(
                                    entry.getKey(),
                                    page.contact().id(),
                                    page.contact().channel(),
                                    page.after())))
            .toList();
    String text =
        pageSentText(
            oncall, policy, n, step, planned, OnCallResolver.overridesFor(step, oncall, now));
    if (pages.isEmpty()) { // on call, but nobody with a contact to page
      return new NobodyOnCall(n, nextAt, escalated, text);
    }
    return new RunStep(n, nextAt, escalated, pages, text, stepName(policy, n));
  }

  /**
   * Names who was paged on which contacts, which of their contacts are still to come by their
   * rules, and the override that put anyone on call.
   */
  private static String pageSentText(
      OnCall oncall,
      EscalationPolicy policy,
      int n,
      EscalationStep step,
      Map<String, List<ContactPage>> planned,
      Map<String, ScheduleOverride> overrides) {
    String who =
        planned.entrySet().stream()
            .map(
                entry ->
                    oncall.people().get(entry.getKey()).name()
                        + " ("
                        + contacts(entry.getValue())
                        + (overrides.containsKey(entry.getKey())
                            ? "; on call through " + overrides.get(entry.getKey()).describe()
                            : "")
                        + ")")
            .collect(Collectors.joining(", "));
    return "Paged " + who + ": " + stepName(policy, n) + ", " + targets(step);
  }

  /**
   * The same decision with {@code text} as its "escalated" entry: a person escalated by hand, not a
   * step that went unacknowledged. Decisions that page nobody new are as they were.
   */
  static Decision escalatedBy(Decision decision, String text) {
    if (decision instanceof RunStep step) {
      return new RunStep(step.step(), step.nextAt(), text, step.pages(), step.text(), step.name());
    }
    if (decision instanceof NobodyOnCall nobody) {
      return new NobodyOnCall(nobody.step(), nobody.nextAt(), text, nobody.text());
    }
    return decision;
  }

  /** "sms, email" at once, then "; voice in 5m" for what a rule holds back. */
  static String contacts(List<ContactPage> pages) {
    if (pages.isEmpty()) {
      return "no contacts";
    }
    String now =
        pages.stream()
            .filter(page -> page.after().isZero())
            .map(page -> label(page.contact()))
            .collect(Collectors.joining(", "));
    String later =
        pages.stream()
            .filter(page -> !page.after().isZero())
            .map(page -> label(page.contact()) + " in " + DurationParser.format(page.after()))
            .collect(Collectors.joining(", "));
    if (later.isEmpty()) {
      return now;
    }
    return now.isEmpty() ? later : now + "; " + later;
  }

  /** A contact by its id, with its channel when the id does not say it: "push (ntfy)". */
  private static String label(ContactMethod contact) {
    return contact.id().equals(contact.channel())
        ? contact.id()
        : contact.id() + " (" + contact.channel() + ")";
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
}
