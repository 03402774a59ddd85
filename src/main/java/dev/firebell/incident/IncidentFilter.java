package dev.firebell.incident;

import java.util.Locale;
import java.util.Optional;

/** Which incidents a list shows. */
public enum IncidentFilter {
  OPEN,
  RESOLVED,
  ALL;

  /** Parses {@code open}, {@code resolved} or {@code all}; empty for anything else. */
  public static Optional<IncidentFilter> parse(String text) {
    for (IncidentFilter filter : values()) {
      if (filter.name().toLowerCase(Locale.ROOT).equals(text)) {
        return Optional.of(filter);
      }
    }
    return Optional.empty();
  }
}
