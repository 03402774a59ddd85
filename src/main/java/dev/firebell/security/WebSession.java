package dev.firebell.security;

import java.time.Instant;

/** A logged-in user: who, acting as which on-call person, with the session's CSRF token. */
public record WebSession(String username, String personId, String csrfToken, Instant expiresAt) {}
