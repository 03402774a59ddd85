package dev.firebell.incident.alert;

/** The stored state of an alert group: which incident is open for it and which came last. */
public record AlertGroup(String groupHash, Long openIncidentId, Long lastIncidentId) {}
