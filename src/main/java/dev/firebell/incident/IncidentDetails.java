package dev.firebell.incident;

import dev.firebell.incident.alert.IncidentAlert;
import dev.firebell.incident.review.IncidentReview;
import dev.firebell.incident.timeline.TimelineEntry;
import java.util.List;

/** An incident with its alert instances, its timeline in time order, and what people added. */
public record IncidentDetails(
    Incident incident,
    List<IncidentAlert> alerts,
    List<TimelineEntry> timeline,
    IncidentReview review) {}
