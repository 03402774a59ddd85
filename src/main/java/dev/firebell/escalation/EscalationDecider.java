package dev.firebell.escalation;

import dev.firebell.config.DurationParser;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.oncall.Contact;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallResolver;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.ScheduleOverride;
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
 *   <li>A step past the policy's last one (steps times repeats), or a policy that is gone, ends the
 *       escalation: exhausted.
 *   <li>A maintenance window that began since the incident opened stops it: nobody is paged.
 *   <li>Otherwise the step runs: it is due again after its {@code escalateAfter}; step 2 and later
 *       say that the one before was not acknowledged in time; every contact of every person its
 *       targets resolve to now is paged, or the timeline says that nobody is on call.
 * </ul>
 */
final class EscalationDecider {
  private EscalationDecider() {}

  /** What the engine does with a due step. */
  sealed interface Decision permits Exhausted, Paused, RunStep {}

  /** The escalation ends; {@code text} says why. */
  record Exhausted(String text) implements Decision {}

  /** A maintenance window began: the escalation stops without paging. */
  record Paused(String text) implements Decision {}

  /**
   * Run step {@code step}, due again at {@code nextAt}. {@code escalatedText} is null for the first
   * step; {@code pages} is empty when nobody is on call, and then {@code text} says so.
   */
  record RunStep(
      int step, Instant nextAt, String escalatedText, List<Page> pages, String text, String name)
      implements Decision {}

  /** One contact of one person to page. */
  record Page(String personId, int contactIndex, String channel) {}

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
      return new RunStep(
          n,
          nextAt,
          escalated,
          List.of(),
          stepName(policy, n) + ": nobody is on call for " + targets(step),
          stepName(policy, n));
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
    return new RunStep(
        n,
        nextAt,
        escalated,
        pages,
        pageSentText(
            oncall, policy, n, step, people, OnCallResolver.overridesFor(step, oncall, now)),
        stepName(policy, n));
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
