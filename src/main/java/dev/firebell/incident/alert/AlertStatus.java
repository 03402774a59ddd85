package dev.firebell.incident.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of one alert instance as its sender last reported it. */
public enum AlertStatus {
  FIRING,
  RESOLVED;

  /** Made once, not on each answer or page that names it. */
  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  public String wireName() {
    return wireName;
  }
}
