package dev.firebell.escalation;

import dev.firebell.incident.Declaration;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Target;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The policy an escalation runs: a configured one by its id, or the one step a declared incident
 * pages a person or a schedule with ({@code person:tessa}, {@code schedule:primary}). Pure.
 */
final class Policies {
  /** How long a declared page waits for an acknowledgement before its escalation says so. */
  static final Duration DECLARED_STEP = Duration.ofMinutes(15);

  private Policies() {}

  /** The policy of {@code policyId} in {@code oncall}, or null when it is no longer there. */
  static EscalationPolicy find(OnCall oncall, String policyId) {
    EscalationPolicy configured = oncall.policies().get(policyId);
    if (configured != null) {
      return configured;
    }
    for (Target.Kind kind : Target.Kind.values()) {
      String prefix = kind.name().toLowerCase(Locale.ROOT) + ":";
      if (policyId.startsWith(prefix)) {
        String id = policyId.substring(prefix.length());
        boolean known =
            kind == Target.Kind.PERSON
                ? oncall.people().containsKey(id)
                : oncall.schedules().containsKey(id);
        return known ? oneStep(policyId, new Target(kind, id)) : null;
      }
    }
    return null;
  }

  /** The policy a declared incident pages: its own one step, or a configured policy. */
  static EscalationPolicy forDeclared(OnCall oncall, Declaration.Target target) {
    return target.kind() == Declaration.Kind.POLICY
        ? oncall.policies().get(target.id())
        : find(oncall, target.toString());
  }

  private static EscalationPolicy oneStep(String id, Target target) {
    return new EscalationPolicy(id, List.of(new EscalationStep(List.of(target), DECLARED_STEP)), 0);
  }
}
