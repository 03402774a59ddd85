package dev.firebell.incident.review;

/** The review columns as stored: text, with impact and action items as JSON. */
public record ReviewRow(
    String summary,
    String impact,
    String rootCause,
    String resolution,
    String detectionNotes,
    String actionItems) {}
