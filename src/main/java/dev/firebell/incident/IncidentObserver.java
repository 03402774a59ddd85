package dev.firebell.incident;

/** Told about incident life-cycle changes once they are committed (metrics listen here). */
public interface IncidentObserver {
  IncidentObserver NONE = new IncidentObserver() {};

  /** An incident of {@code severity} for {@code service} (may be null) was opened. */
  default void opened(String severity, String service, boolean test) {}

  default void acknowledged(Incident incident) {}

  default void resolved(Incident incident) {}
}
