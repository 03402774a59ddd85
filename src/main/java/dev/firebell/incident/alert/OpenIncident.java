package dev.firebell.incident.alert;

import dev.firebell.incident.IncidentStatus;
import java.util.Map;

/**
 * The incident a group's notifications currently attach to, its status, and its alert instances by
 * fingerprint.
 */
public record OpenIncident(long id, IncidentStatus status, Map<String, AlertState> alerts) {}
