package dev.firebell.incident;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an incident stands: paged and waiting, someone is on it, or over. */
public enum IncidentStatus {
  TRIGGERED,
  ACKNOWLEDGED,
  RESOLVED;

  /** Made once, not on each answer or page that names it. */
  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  public String wireName() {
    return wireName;
  }

  public boolean isOpen() {
    return this != RESOLVED;
  }
}
