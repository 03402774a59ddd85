package dev.firebell.paging;

/** An incident whose page was folded into a digest. */
public record FoldedPage(long incidentId, String title, String severity, String service) {}
