package dev.firebell.incident;

import java.util.List;

/**
 * What a postmortem is drafted from: the incident with its timeline, its review and only its first
 * alert instances, plus how many instances it has and the alert rules they belong to. A storm's ten
 * thousand instances are counted, not loaded.
 */
public record IncidentSummary(IncidentDetails details, int alertCount, List<String> alertNames) {}
