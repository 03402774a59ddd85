package dev.firebell.oncall.swap;

import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.Shifts;
import dev.firebell.oncall.override.OverrideRules;
import dev.firebell.oncall.override.OverrideRules.Problem;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What makes a request for cover acceptable, and whom it asks. Pure. */
public final class SwapRules {
  private SwapRules() {}

  public static Optional<Problem> check(
      OnCall oncall, String scheduleId, String requester, Instant from, Instant to, Instant now) {
    Schedule schedule = oncall.schedules().get(scheduleId);
    if (schedule == null) {
      return problem("schedule", "unknown schedule '" + scheduleId + "'");
    }
    if (requester == null || oncall.person(requester).isEmpty()) {
      return problem(
          "requester",
          requester == null ? "requester is required" : "unknown person '" + requester + "'");
    }
    if (from == null || to == null) {
      return problem(from == null ? "from" : "to", (from == null ? "from" : "to") + " is required");
    }
    if (!to.isAfter(from)) {
      return problem("to", "to must be after from");
    }
    if (!from.isAfter(now)) {
      return problem("from", "the window has already begun");
    }
    if (to.isAfter(now.plus(OverrideRules.MAX_AHEAD))) {
      return problem("to", "the window ends more than a year ahead");
    }
    if (Shifts.between(schedule, from, to).stream().noneMatch(s -> s.person().equals(requester))) {
      return problem(
          "requester", requester + " is not on call in " + scheduleId + " during that window");
    }
    if (candidates(schedule, requester).isEmpty()) {
      return problem("schedule", "nobody else in " + scheduleId + "'s rotations can be asked");
    }
    return Optional.empty();
  }

  /** Everyone else in the schedule's rotations, in rotation order. */
  public static List<String> candidates(Schedule schedule, String requester) {
    Set<String> people = new LinkedHashSet<>();
    for (Rotation rotation : schedule.rotations()) {
      people.addAll(rotation.people());
    }
    people.remove(requester);
    return List.copyOf(people);
  }

  private static Optional<Problem> problem(String field, String message) {
    return Optional.of(new Problem(field, message));
  }
}
