package dev.firebell.paging;

import java.time.Instant;

/** A digest of folded pages for one contact of one person, sent at {@code sendAt}. */
public record Digest(
    String personId, int contactIndex, String channel, Instant sendAt, int attempts) {}
