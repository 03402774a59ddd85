package dev.firebell.incident;

/**
 * A sound request the incident's state does not allow now (escalating a resolved incident,
 * unacknowledging one that is not acknowledged): answered 409 with this message.
 */
public final class IncidentConflict extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IncidentConflict(String message) {
    super(message);
  }
}
