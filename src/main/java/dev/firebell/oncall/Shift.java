package dev.firebell.oncall;

import java.time.Instant;

/**
 * One person's unbroken time on call in one schedule, from {@code from} until {@code to}; {@code
 * via} is the override that put them there (null for the rotation's own turn).
 */
public record Shift(
    String scheduleId, String person, Instant from, Instant to, ScheduleOverride via) {

  /** Stable across reloads and instances: the same shift keeps its key (calendar UID, notice). */
  public String key() {
    return scheduleId + "/" + person + "/" + from.getEpochSecond();
  }
}
