package dev.firebell.oncall;

import java.time.Duration;
import java.util.List;

/** Pages its targets, then waits {@code escalateAfter} for an acknowledgement. */
public record EscalationStep(List<Target> targets, Duration escalateAfter) {}
