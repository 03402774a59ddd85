package dev.firebell.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How loudly an incident pages: {@code high} or {@code low} (PagerDuty's urgency). Set by {@code
 * severity.urgency} for the incident's severity, or by its route.
 */
public enum Urgency {
  HIGH,
  LOW;

  /** Made once, not on each answer or page that names it. */
  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Reads {@code high} or {@code low}, in any case. */
  @JsonCreator
  public static Urgency parse(String text) {
    for (Urgency urgency : values()) {
      if (urgency.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return urgency;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not an urgency (use high or low)");
  }
}
