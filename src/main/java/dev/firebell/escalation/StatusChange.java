package dev.firebell.escalation;

import dev.firebell.incident.IncidentStatus;

/** An incident whose status moved on since the people paged for it were last told. */
record StatusChange(
    long incidentId,
    IncidentStatus announcedStatus,
    IncidentStatus status,
    EscalationState state,
    int restarts) {}
