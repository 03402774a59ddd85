package dev.firebell.oncall;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * People taking turns: the first from {@code start}, the next after {@code every}, and so on.
 * Hand-offs keep the start's wall-clock time in the schedule's zone, across daylight-saving
 * changes. With {@code windows} the rotation is on call only inside them (a turn keeps its cadence:
 * outside a window nobody from this rotation is on call); with {@code end} (null: never) it stops.
 * Of the rotations that have someone on call, only those of the highest {@code priority} count.
 */
public record Rotation(
    LocalDateTime start,
    Duration every,
    List<String> people,
    List<ShiftWindow> windows,
    int priority,
    LocalDateTime end) {
  public Rotation {
    people = List.copyOf(people);
    windows = List.copyOf(windows);
  }

  public Rotation(LocalDateTime start, Duration every, List<String> people) {
    this(start, every, people, List.of(), 0, null);
  }
}
