package dev.firebell.web.ui;

import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small formatting rules the pages share. */
public final class Views {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter IN_ZONE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", java.util.Locale.ENGLISH);

  private Views() {}

  /** A URL from an alert, only if it is http(s); anything else (javascript:, data:) is dropped. */
  static String safeUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          ? uri.toString()
          : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  public static String time(Instant at) {
    return at == null ? "" : UTC.format(at);
  }

  /** {@code 2026-11-28 09:10 MST}: a time in the zone the page shows, its zone named. */
  public static String time(Instant at, ZoneId zone) {
    // The offset zone prints as "Z"; people read "UTC".
    ZoneId named = zone.equals(java.time.ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    return at == null ? "" : IN_ZONE.withZone(named).format(at);
  }

  /**
   * The zone a person's pages show times in: their own {@code timeZone}, else {@code fallback} (the
   * schedule's on a schedule, UTC elsewhere).
   */
  public static ZoneId zoneOf(OnCall oncall, String personId, ZoneId fallback) {
    return oncall
        .person(personId)
        .map(Person::timeZone)
        .filter(java.util.Objects::nonNull)
        .orElse(fallback);
  }

  /** {@code 4 min}, {@code 3 h}, {@code 2 d}. */
  /** A duration as people read it in a list: "7 min", "5 h", "3 d". */
  static String duration(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 48 * 60) {
      return minutes / 60 + " h";
    }
    return minutes / (24 * 60) + " d";
  }
}
