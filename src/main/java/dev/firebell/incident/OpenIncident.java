package dev.firebell.incident;

/** The incident a group's notifications currently attach to, and its status. */
record OpenIncident(long id, IncidentStatus status) {}
