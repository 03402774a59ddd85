package dev.firebell.security;

import java.time.Instant;

/** What a valid link token says: who may do what to which incident, until when. */
public record LinkClaims(
    long incidentId, String personId, LinkAction action, Instant expiresAt, String tokenHash) {}
