package dev.firebell.oncall;

import java.util.List;

/**
 * Steps run in order; after the last, the whole policy runs {@code repeat} more times. The unrolled
 * step number {@code n} (from 0) is step {@code n % steps} of cycle {@code n / steps}.
 */
public record EscalationPolicy(String id, List<EscalationStep> steps, int repeat) {

  public int totalSteps() {
    return steps.size() * (repeat + 1);
  }

  public EscalationStep step(int unrolled) {
    return steps.get(unrolled % steps.size());
  }
}
