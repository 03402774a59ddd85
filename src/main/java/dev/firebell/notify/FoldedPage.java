package dev.firebell.notify;

/** An incident whose page was folded into a digest. */
public record FoldedPage(long incidentId, String title, String severity, String service) {}
