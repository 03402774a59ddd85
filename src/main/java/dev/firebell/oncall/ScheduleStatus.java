package dev.firebell.oncall;

import java.time.Instant;
import java.util.List;

/** Who is on call in a schedule now, until when, and who comes next (person ids). */
public record ScheduleStatus(
    Schedule schedule, List<String> onCall, Instant until, List<String> next) {

  public static ScheduleStatus of(Schedule schedule, Instant now) {
    Instant until = OnCallResolver.nextChange(schedule, now).orElse(null);
    return new ScheduleStatus(
        schedule,
        OnCallResolver.onCallAt(schedule, now),
        until,
        until == null ? List.of() : OnCallResolver.onCallAt(schedule, until));
  }
}
