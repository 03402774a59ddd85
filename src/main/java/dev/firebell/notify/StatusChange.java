package dev.firebell.notify;

/** An incident whose status moved on since the people paged for it were last told. */
public record StatusChange(
    long incidentId, String announcedStatus, String status, String state, int restarts) {}
