package dev.firebell.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A schedule's final schedule over a window: who is on call when, after windows, layers and
 * overrides, each piece cut to the window and a person's adjacent pieces of the same source merged
 * (PagerDuty's rendered {@code final_schedule}, Grafana OnCall's {@code final_shifts}). Pure.
 */
public final class FinalSchedule {
  private FinalSchedule() {}

  /** Where a piece comes from: a rotation's turn, or an override. */
  public enum Source {
    ROTATION,
    OVERRIDE
  }

  /** One person on call from {@code start} to {@code end}. */
  public record Piece(String person, Instant start, Instant end, Source source) {}

  public static List<Piece> between(Schedule schedule, Instant from, Instant to) {
    List<Piece> pieces = new ArrayList<>();
    for (Shift shift : Shifts.between(schedule, from, to)) {
      Instant start = shift.from().isBefore(from) ? from : shift.from();
      Instant end = shift.to().isAfter(to) ? to : shift.to();
      if (start.isBefore(end)) {
        pieces.add(
            new Piece(
                shift.person(),
                start,
                end,
                shift.via() == null ? Source.ROTATION : Source.OVERRIDE));
      }
    }
    pieces.sort(Comparator.comparing(Piece::start).thenComparing(Piece::person));
    return merged(pieces);
  }

  /** A person's pieces that touch, from the same source, become one. */
  private static List<Piece> merged(List<Piece> pieces) {
    List<Piece> result = new ArrayList<>();
    for (Piece piece : pieces) {
      int previous = lastOf(result, piece);
      if (previous >= 0) {
        Piece before = result.get(previous);
        result.set(
            previous, new Piece(before.person(), before.start(), piece.end(), piece.source()));
      } else {
        result.add(piece);
      }
    }
    return List.copyOf(result);
  }

  /** The index of the same person's piece of the same source that ends where this one starts. */
  private static int lastOf(List<Piece> result, Piece piece) {
    for (int index = result.size() - 1; index >= 0; index--) {
      Piece candidate = result.get(index);
      if (candidate.person().equals(piece.person())
          && candidate.source() == piece.source()
          && candidate.end().equals(piece.start())) {
        return index;
      }
    }
    return -1;
  }
}
