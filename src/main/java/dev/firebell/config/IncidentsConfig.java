package dev.firebell.config;

/** Incident life-cycle options. */
public record IncidentsConfig(Boolean autoResolve) {

  public IncidentsConfig {
    autoResolve = autoResolve == null || autoResolve;
  }

  public static IncidentsConfig defaults() {
    return new IncidentsConfig(null);
  }
}
