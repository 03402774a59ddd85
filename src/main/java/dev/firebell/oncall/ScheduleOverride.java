package dev.firebell.oncall;

import java.time.Instant;

/**
 * {@code person} is on call from {@code from} until {@code to}. Without {@code replaces} they
 * replace everyone the rotations put on call (as an override in {@code oncall.yaml} does); with it,
 * only that person's time is taken. {@code id} is null for an override written in the YAML; runtime
 * overrides (the API, the UI, an accepted swap) carry their database id, who made them and why.
 */
public record ScheduleOverride(
    Long id, String person, Instant from, Instant to, String replaces, String reason, String by) {

  /** An override from {@code oncall.yaml}: replaces everyone, no id. */
  public static ScheduleOverride configured(String person, Instant from, Instant to) {
    return new ScheduleOverride(null, person, from, to, null, null, null);
  }

  public boolean activeAt(Instant at) {
    return !at.isBefore(from) && at.isBefore(to);
  }

  public boolean replacesEveryone() {
    return replaces == null;
  }

  /** How a timeline names it: {@code override #12 by tessa (sick child)} or {@code oncall.yaml}. */
  public String describe() {
    if (id == null) {
      return "an override in oncall.yaml";
    }
    return "override #"
        + id
        + (by == null ? "" : " by " + by)
        + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
  }
}
