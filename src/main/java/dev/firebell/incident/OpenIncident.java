package dev.firebell.incident;

import java.util.Map;

/**
 * The incident a group's notifications currently attach to, its status, and its alert instances by
 * fingerprint.
 */
record OpenIncident(long id, IncidentStatus status, Map<String, AlertState> alerts) {}
