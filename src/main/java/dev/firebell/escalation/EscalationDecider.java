package dev.firebell.escalation;

import dev.firebell.config.DurationParser;
import dev.firebell.config.Urgency;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallResolver;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Route;
import dev.firebell.oncall.ScheduleOverride;
import dev.firebell.oncall.contact.Contact;
import java.time.Instant;
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
 *       say that the one before was not acknowledged in time; every contact of every person its
 *       targets resolve to now is paged, or nobody is on call (or reachable) and the timeline says
 *       so.
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

  /** One contact of one person to page. */
  record Page(String personId, int contactIndex, String channel) {}

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
    return new Beginning(
        policy.id(), decide(first, policy, Optional.empty(), oncall, now), route.get().urgency());
  }

  static Decision decide(
      Escalation escalation,
      EscalationPolicy policy,
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
    List<Page> pages =
        people.stream()
            .flatMap(
                personId -> {
                  List<Contact> contacts = oncall.people().get(personId).contacts();
                  return java.util.stream.IntStream.range(0, contacts.size())
                      .mapToObj(index -> new Page(personId, index, contacts.get(index).channel()));
                })
            .toList();
    String text =
        pageSentText(
            oncall, policy, n, step, people, OnCallResolver.overridesFor(step, oncall, now));
    if (pages.isEmpty()) { // on call, but nobody with a contact to page
      return new NobodyOnCall(n, nextAt, escalated, text);
    }
    return new RunStep(n, nextAt, escalated, pages, text, stepName(policy, n));
  }

  /** Names who was paged on which channels, and the override that put anyone on call. */
  private static String pageSentText(
      OnCall oncall,
      EscalationPolicy policy,
      int n,
      EscalationStep step,
      List<String> people,
      Map<String, ScheduleOverride> overrides) {
    String who =
        people.stream()
            .map(id -> oncall.people().get(id))
            .map(
                person ->
                    person.name()
                        + " ("
                        + channels(person)
                        + (overrides.containsKey(person.id())
                            ? "; on call through " + overrides.get(person.id()).describe()
                            : "")
                        + ")")
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
}
