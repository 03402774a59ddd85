package dev.firebell.security;

import java.time.Instant;

/** A personal API token as listed: never its secret. */
public record ApiToken(
    long id,
    String personId,
    String name,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt) {}
