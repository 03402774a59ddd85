package dev.firebell.incident;

import java.time.Instant;

/**
 * What merging a notification needs to know of a stored alert instance: its status and the start of
 * its current episode. Read without the labels and annotations, which a storm has thousands of.
 */
record AlertState(String fingerprint, AlertStatus status, Instant startsAt) {}
