package dev.firebell.incident;

/** The outcome of an acknowledge or resolve request, with the incident as it now stands. */
public record ActionResult(ActionOutcome outcome, Incident incident) {}
