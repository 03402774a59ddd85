package dev.firebell.web;

import dev.firebell.escalation.EscalationReads;
import dev.firebell.incident.IncidentFilter;
import dev.firebell.incident.IncidentReads;
import io.javalin.http.Context;
import java.util.List;

/** {@code GET /api/incidents} and {@code GET /api/incidents/{id}}. */
public final class IncidentApi {
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1000;

  private final IncidentReads incidents;
  private final EscalationReads escalations;

  public IncidentApi(IncidentReads incidents, EscalationReads escalations) {
    this.incidents = incidents;
    this.escalations = escalations;
  }

  public void list(Context ctx) {
    String status = ctx.queryParam("status");
    IncidentFilter filter =
        IncidentFilter.parse(status == null ? "open" : status)
            .orElseThrow(
                () -> new HttpProblem(400, "status must be open, resolved or all", "status"));
    int limit = limit(ctx.queryParam("limit"));
    List<IncidentJson.Summary> list =
        incidents.list(filter, null, null, limit, false).stream()
            .map(IncidentJson.Summary::of)
            .toList();
    ctx.json(new IncidentJson.Page(list));
  }

  /** The incident with its alerts, timeline and {@code escalation} (null before it has one). */
  public void get(Context ctx) {
    long id = incidentId(ctx);
    ctx.json(IncidentJson.of(incidents.details(id), escalations.of(id).orElse(null)));
  }

  static long incidentId(Context ctx) {
    String text = ctx.pathParam("id");
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new HttpProblem(404, "no incident with id " + text, "id");
  }

  private static int limit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new HttpProblem(400, "limit must be a whole number from 1 to " + MAX_LIMIT, "limit");
  }
}
