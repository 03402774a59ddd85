package dev.firebell.incident;

import java.util.List;

/** An incident with its alert instances and its timeline in time order. */
public record IncidentDetails(
    Incident incident, List<IncidentAlert> alerts, List<TimelineEntry> timeline) {}
