package dev.firebell.postmortem;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentDetails;
import dev.firebell.incident.IncidentSummary;
import dev.firebell.notify.PageRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the draft is written from: the incident with its first alerts (and how many it has,
 * and their rules' names), timeline and review, its pages, earlier incidents of the same rule or
 * group (with who resolved them), people's names, and the time of drafting.
 */
record PostmortemFacts(
    IncidentSummary summary,
    List<PageRecord> pages,
    List<EarlierIncident> earlier,
    Map<String, String> names,
    Instant now) {

  IncidentDetails details() {
    return summary.details();
  }

  String name(String personId) {
    return personId == null ? "" : names.getOrDefault(personId, personId);
  }

  /** An earlier incident of the same alert rule or group, and who resolved it. */
  record EarlierIncident(Incident incident, String resolvedBy) {}
}
