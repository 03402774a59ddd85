package dev.firebell.oncall.override;

import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.ScheduleOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What makes a runtime override acceptable. Pure: the configuration and time come in. */
public final class OverrideRules {
  /** Overrides are for the coming year; further ahead, the rota itself should change. */
  public static final Duration MAX_AHEAD = Duration.ofDays(366);

  private OverrideRules() {}

  /** The first problem with {@code override} for schedule {@code scheduleId}, naming its field. */
  public static Optional<Problem> check(
      OnCall oncall, String scheduleId, ScheduleOverride override, Instant now) {
    if (!oncall.schedules().containsKey(scheduleId)) {
      return problem("schedule", "unknown schedule '" + scheduleId + "'");
    }
    if (override.person() == null || override.person().isBlank()) {
      return problem("person", "person is required");
    }
    if (oncall.person(override.person()).isEmpty()) {
      return problem("person", "unknown person '" + override.person() + "'");
    }
    if (override.replaces() != null && oncall.person(override.replaces()).isEmpty()) {
      return problem("replaces", "unknown person '" + override.replaces() + "'");
    }
    if (override.person().equals(override.replaces())) {
      return problem("replaces", "a person cannot replace themselves");
    }
    if (override.by() != null && oncall.person(override.by()).isEmpty()) {
      return problem("by", "unknown person '" + override.by() + "'");
    }
    if (override.from() == null) {
      return problem("from", "from is required");
    }
    if (override.to() == null) {
      return problem("to", "to is required");
    }
    if (!override.to().isAfter(override.from())) {
      return problem("to", "to must be after from");
    }
    if (!override.to().isAfter(now)) {
      return problem("to", "the window is in the past");
    }
    if (override.to().isAfter(now.plus(MAX_AHEAD))) {
      return problem("to", "the window ends more than a year ahead");
    }
    return overlap(oncall.schedules().get(scheduleId).overrides(), override);
  }

  /**
   * An override of everyone may not overlap another: the earlier would silently win over the later
   * (the first applies). Taking one person's place ({@code replaces}) layers as documented.
   */
  private static Optional<Problem> overlap(
      List<ScheduleOverride> existing, ScheduleOverride override) {
    if (!override.replacesEveryone()) {
      return Optional.empty();
    }
    for (ScheduleOverride other : existing) {
      if (other.replacesEveryone()
          && other.from().isBefore(override.to())
          && override.from().isBefore(other.to())) {
        return Optional.of(
            new Problem(
                "from",
                "the window overlaps "
                    + other.describe()
                    + " ("
                    + other.from()
                    + " to "
                    + other.to()
                    + "); remove it first, or take one person's place with replaces",
                true));
      }
    }
    return Optional.empty();
  }

  private static Optional<Problem> problem(String field, String message) {
    return Optional.of(new Problem(field, message));
  }

  /**
   * What is wrong, and with which field of the request; {@code conflict} when the request is sound
   * but clashes with what is already there.
   */
  public record Problem(String field, String message, boolean conflict) {
    public Problem(String field, String message) {
      this(field, message, false);
    }
  }
}
