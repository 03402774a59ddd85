/**
 * Incidents: their life-cycle ({@link dev.firebell.incident.IncidentService} changes them, {@link
 * dev.firebell.incident.IncidentReads} reads them back), the timeline every package stamps through
 * {@link dev.firebell.incident.timeline.Timeline}, and the incident tables.
 */
package dev.firebell.incident;
