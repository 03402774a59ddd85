package dev.firebell.importer;

import dev.firebell.oncall.FinalSchedule;
import dev.firebell.oncall.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --verify}: who is on call at the start of every hour, by Firebell's final schedule of the
 * imported rota and by the vendor's own rendering. Pure.
 */
public final class RotaCheck {
  /** How many differences a result keeps to show. */
  static final int SHOWN = 5;

  private RotaCheck() {}

  /** One person on call from {@code start} to {@code end} in the vendor's rendering. */
  public record Shift(String person, Instant start, Instant end) {}

  /** A schedule's hours that matched of those checked, and the first differences. */
  public record Result(String schedule, long matched, long checked, List<String> differences) {
    public boolean matches() {
      return matched == checked;
    }

    public String line() {
      String head = schedule + ": " + matched + " of " + checked + " hours match";
      return differences.isEmpty()
          ? head
          : head + "; first differences: " + String.join("; ", differences);
    }
  }

  /** Compares hour by hour from {@code from} (rounded up to the hour) until {@code to}. */
  public static Result compare(
      Schedule schedule, List<Shift> vendor, String vendorName, Instant from, Instant to) {
    List<FinalSchedule.Piece> firebell = FinalSchedule.between(schedule, from, to);
    Instant hour = from.truncatedTo(ChronoUnit.HOURS);
    if (hour.isBefore(from)) {
      hour = hour.plus(Duration.ofHours(1));
    }
    long matched = 0;
    long checked = 0;
    List<String> differences = new ArrayList<>();
    for (; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
      Set<String> ours = new TreeSet<>();
      for (FinalSchedule.Piece piece : firebell) {
        if (!piece.start().isAfter(hour) && piece.end().isAfter(hour)) {
          ours.add(piece.person());
        }
      }
      Set<String> theirs = new TreeSet<>();
      for (Shift shift : vendor) {
        if (!shift.start().isAfter(hour) && shift.end().isAfter(hour)) {
          theirs.add(shift.person());
        }
      }
      checked++;
      if (ours.equals(theirs)) {
        matched++;
      } else if (differences.size() < SHOWN) {
        differences.add(
            hour + " Firebell " + names(ours) + ", " + vendorName + " " + names(theirs));
      }
    }
    return new Result(schedule.id(), matched, checked, List.copyOf(differences));
  }

  private static String names(Set<String> people) {
    return people.isEmpty() ? "nobody" : String.join(", ", people);
  }
}
