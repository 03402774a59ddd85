package dev.firebell.oncall;

import java.time.Duration;
import java.util.List;

/**
 * Steps run in order; after the last, the whole policy runs {@code repeat} more times. The unrolled
 * step number {@code n} (from 0) is step {@code n % steps} of cycle {@code n / steps}. With {@code
 * ackTimeout}, an incident still acknowledged and open that long after its acknowledgement goes
 * back to triggered and the policy starts again at step 1; null means an acknowledgement holds.
 */
public record EscalationPolicy(
    String id, List<EscalationStep> steps, int repeat, Duration ackTimeout) {

  public EscalationPolicy(String id, List<EscalationStep> steps, int repeat) {
    this(id, steps, repeat, null);
  }

  public int totalSteps() {
    return steps.size() * (repeat + 1);
  }

  public EscalationStep step(int unrolled) {
    return steps.get(unrolled % steps.size());
  }
}
