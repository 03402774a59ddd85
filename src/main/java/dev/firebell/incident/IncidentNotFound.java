package dev.firebell.incident;

/** No incident has the requested id. */
public final class IncidentNotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IncidentNotFound(long id) {
    super("no incident with id " + id);
  }
}
