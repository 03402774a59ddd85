package dev.firebell.paging;

import java.time.Duration;

/**
 * Work a module wants run on the paging loop every {@code every}, named for the log when it fails:
 * housekeeping, hand-off notices, lapsed swaps, heartbeats, the watches over silences and receipts.
 */
public record Job(String name, Duration every, Runnable run) {}
