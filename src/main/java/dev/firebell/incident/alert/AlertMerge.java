package dev.firebell.incident.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what a notification changes in an open incident, alert by alert. Each alert's own status
 * counts, not the group's: a "firing" notification may carry resolved alerts. Repeats of what is
 * already known change nothing, which is what keeps Grafana's periodic re-sends and HA duplicates
 * off the timeline.
 */
public final class AlertMerge {
  private AlertMerge() {}

  /** What changes, given the alerts the incident already has (by fingerprint). */
  public static Plan plan(Map<String, AlertState> known, List<AlertSignal> incoming) {
    List<AlertSignal> added = new ArrayList<>();
    List<AlertSignal> refired = new ArrayList<>();
    List<AlertSignal> resolved = new ArrayList<>();
    List<AlertSignal> raised = new ArrayList<>();
    for (AlertSignal alert : lastPerFingerprint(incoming)) {
      AlertState current = known.get(alert.fingerprint());
      if (current == null) {
        added.add(alert);
      } else if (alert.isFiring()
          && current.status() == AlertStatus.RESOLVED
          && alert.startsAt().isAfter(current.startsAt())) {
        // A new firing episode of the same instance. An older startsAt is a late duplicate.
        refired.add(alert);
      } else if (!alert.isFiring()
          && current.status() == AlertStatus.FIRING
          && !alert.startsAt().isBefore(current.startsAt())) {
        // A resolution that starts before the current episode belongs to an older one.
        resolved.add(alert);
      } else if (alert.isFiring()
          && current.status() == AlertStatus.FIRING
          && alert.startsAt().equals(current.startsAt())
          && AlertValues.raisedPeak(current.peakValues(), alert.values()) != null) {
        // The same episode reports a higher value: the postmortem states the worst one seen.
        raised.add(alert);
      }
    }
    return new Plan(added, refired, resolved, raised);
  }

  /**
   * Drops firing alerts that belong to an episode the group's previous incident already closed: a
   * delayed copy of an old notification must not open a new incident.
   */
  static List<AlertSignal> withoutClosedEpisodes(
      List<AlertSignal> incoming, Map<String, AlertState> previous) {
    return incoming.stream()
        .filter(
            alert -> {
              AlertState earlier = previous.get(alert.fingerprint());
              return earlier == null || alert.startsAt().isAfter(earlier.startsAt());
            })
        .toList();
  }

  private static List<AlertSignal> lastPerFingerprint(List<AlertSignal> incoming) {
    Map<String, AlertSignal> byFingerprint = new LinkedHashMap<>();
    incoming.forEach(alert -> byFingerprint.put(alert.fingerprint(), alert));
    return List.copyOf(byFingerprint.values());
  }

  /**
   * The alerts a notification adds, fires again, resolves, or whose values rise above what their
   * episode reported before (which changes no status and stamps nothing).
   */
  public record Plan(
      List<AlertSignal> added,
      List<AlertSignal> refired,
      List<AlertSignal> resolved,
      List<AlertSignal> raised) {
    public boolean isEmpty() {
      return added.isEmpty() && refired.isEmpty() && resolved.isEmpty() && raised.isEmpty();
    }

    /** Whether anything a person would see on the timeline changes. */
    boolean changesStatus() {
      return !added.isEmpty() || !refired.isEmpty() || !resolved.isEmpty();
    }

    /** Every alert the plan touches, in the order added, fired again, resolved, raised. */
    List<AlertSignal> alerts() {
      List<AlertSignal> all = new ArrayList<>(added);
      all.addAll(refired);
      all.addAll(resolved);
      all.addAll(raised);
      return all;
    }

    /**
     * The plan cut into parts of at most {@code size} alerts, in the order of {@link #alerts}:
     * applied one after another, they change what the whole plan changes.
     */
    public List<Plan> parts(int size) {
      List<AlertSignal> all = alerts();
      if (all.size() <= size) {
        return List.of(this);
      }
      int refiredAt = added.size();
      int resolvedAt = refiredAt + refired.size();
      int raisedAt = resolvedAt + resolved.size();
      List<Plan> parts = new ArrayList<>();
      for (int from = 0; from < all.size(); from += size) {
        int to = Math.min(all.size(), from + size);
        parts.add(
            new Plan(
                slice(added, 0, from, to),
                slice(refired, refiredAt, from, to),
                slice(resolved, resolvedAt, from, to),
                slice(raised, raisedAt, from, to)));
      }
      return parts;
    }

    /**
     * The items of {@code list}, which starts at {@code offset} of the whole, within [from, to).
     */
    private static List<AlertSignal> slice(List<AlertSignal> list, int offset, int from, int to) {
      return list.subList(within(from - offset, list), within(to - offset, list));
    }

    private static int within(int index, List<AlertSignal> list) {
      return Math.max(0, Math.min(list.size(), index));
    }
  }
}
