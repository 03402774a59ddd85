package dev.firebell.paging;

import java.time.Duration;

/** Durations as people say them: "5m", "1h30m". */
final class Durations {
  private Durations() {}

  static String words(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds >= 3600) {
      return seconds / 3600 + "h" + (seconds % 3600) / 60 + "m";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
