package dev.firebell.incident;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an acknowledge or resolve request did. */
public enum ActionOutcome {
  ACKNOWLEDGED,
  RESOLVED,
  ALREADY_ACKNOWLEDGED,
  ALREADY_RESOLVED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean changedSomething() {
    return this == ACKNOWLEDGED || this == RESOLVED;
  }
}
