package dev.firebell.incident.alert;

/**
 * What a read outside the notification's transaction saw of its group: whether the group's row
 * exists, and its open incident if it has one (else null).
 */
public record GroupSighting(boolean seen, OpenIncident open) {
  static final GroupSighting NEVER_SEEN = new GroupSighting(false, null);
  static final GroupSighting WITHOUT_OPEN_INCIDENT = new GroupSighting(true, null);
}
