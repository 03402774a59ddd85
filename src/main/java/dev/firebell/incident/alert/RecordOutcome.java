package dev.firebell.incident.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a notification did. */
public enum RecordOutcome {
  /** A new incident was opened for the group. */
  OPENED,
  /** The open incident gained alerts, re-fired alerts or resolutions. */
  UPDATED,
  /** Nothing new: a repeat or a duplicate delivery. */
  UNCHANGED,
  /** Only resolutions for a group with no open incident: nothing to record. */
  IGNORED;

  /** Made once, not on each answer or page that names it. */
  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  public String wireName() {
    return wireName;
  }
}
