package dev.firebell.incident.timeline;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of timeline entry, with the dotted name the API, the database and the README use.
 * Entries are written with these, never with a string, and the postmortem reads them back the same
 * way.
 */
public enum TimelineKind {
  ALERT_FIRED("alert.fired"),
  NOTIFICATION_RECEIVED("notification.received"),
  ALERT_RESOLVED("alert.resolved"),
  INCIDENT_RESOLVED("incident.resolved"),
  INCIDENT_DECLARED("incident.declared"),
  URGENCY_SET("incident.urgency"),
  PAGE_SENT("page.sent"),
  PAGE_DELIVERED("page.delivered"),
  PAGE_FAILED("page.failed"),
  PAGE_FOLDED("page.folded"),
  ESCALATED("escalated"),
  ESCALATION_NOBODY("escalation.nobody"),
  ESCALATION_UNROUTED("escalation.unrouted"),
  ESCALATION_EXHAUSTED("escalation.exhausted"),
  ESCALATION_STOPPED("escalation.stopped"),
  ACKNOWLEDGED("acknowledged"),
  ACKNOWLEDGEMENT_EXPIRED("acknowledgement.expired"),
  UNACKNOWLEDGED("unacknowledged"),
  RESPONDERS_ADDED("responders.added"),
  MAINTENANCE("maintenance"),
  SILENCE_CREATED("silence.created"),
  SILENCE_EXPIRED("silence.expired"),
  SILENCE_FAILED("silence.failed"),
  NOTE("note"),
  FIELD_CHANGED("field.changed");

  private static final Map<String, TimelineKind> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toMap(TimelineKind::wireName, Function.identity()));

  private final String wireName;

  TimelineKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The kind a stored entry names. */
  public static TimelineKind of(String wireName) {
    TimelineKind kind = BY_NAME.get(wireName);
    if (kind == null) {
      throw new IllegalStateException("unknown timeline kind in the database: " + wireName);
    }
    return kind;
  }
}
