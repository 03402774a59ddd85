package dev.firebell.incident;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an incident stands: paged and waiting, someone is on it, or over. */
public enum IncidentStatus {
  TRIGGERED,
  ACKNOWLEDGED,
  RESOLVED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isOpen() {
    return this != RESOLVED;
  }
}
