package dev.firebell.incident.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of one alert instance as its sender last reported it. */
public enum AlertStatus {
  FIRING,
  RESOLVED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
