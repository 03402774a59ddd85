package dev.firebell.heartbeat;

import java.time.Instant;

/**
 * A heartbeat as stored: its last beat (null before the first), when the next is due, and the
 * incident its current miss opened (null while it beats on time).
 */
public record HeartbeatState(String id, Instant lastBeatAt, Instant dueAt, Long missedIncidentId) {}
