/**
 * An incident's timeline: the one way every package stamps it ({@link
 * dev.firebell.incident.timeline.Timeline} with a {@link
 * dev.firebell.incident.timeline.TimelineKind}), and its table.
 */
package dev.firebell.incident.timeline;
