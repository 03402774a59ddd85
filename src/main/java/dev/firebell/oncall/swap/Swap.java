package dev.firebell.oncall.swap;

import java.time.Instant;

/**
 * A request for cover: {@code requester} asks someone else in the schedule's rotations to take
 * their time from {@code from} until {@code to}. Open until someone takes it or the window starts.
 */
public record Swap(
    long id,
    String scheduleId,
    String requester,
    Instant from,
    Instant to,
    String reason,
    String status,
    String takenBy,
    Long overrideId) {

  public static final String OPEN = "OPEN";
  public static final String TAKEN = "TAKEN";
  public static final String EXPIRED = "EXPIRED";

  /** Open and not yet started: can still be taken. */
  public boolean canBeTakenAt(Instant now) {
    return OPEN.equals(status) && now.isBefore(from);
  }
}
