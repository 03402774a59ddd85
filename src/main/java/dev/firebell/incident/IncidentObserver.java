package dev.firebell.incident;

/** Told about incident life-cycle changes once they are committed (metrics listen here). */
public interface IncidentObserver {
  IncidentObserver NONE = new IncidentObserver() {};

  default void opened(Incident incident) {}

  default void acknowledged(Incident incident) {}

  default void resolved(Incident incident) {}
}
