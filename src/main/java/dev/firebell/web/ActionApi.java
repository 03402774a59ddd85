package dev.firebell.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.incident.ActionResult;
import dev.firebell.incident.Actor;
import dev.firebell.incident.IncidentReads;
import dev.firebell.incident.IncidentService;
import dev.firebell.incident.Responders;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * A responder's actions, each with {@code {"by": "<person id>"}}: {@code POST
 * /api/incidents/{id}/ack}, {@code /resolve}, {@code /escalate}, {@code /unacknowledge} and {@code
 * /responders}.
 */
public final class ActionApi {
  private final IncidentService incidents;
  private final IncidentReads reads;
  private final Rota rota;
  private final ObjectMapper json;

  public ActionApi(IncidentService incidents, IncidentReads reads, Rota rota, ObjectMapper json) {
    this.incidents = incidents;
    this.reads = reads;
    this.rota = rota;
    this.json = json;
  }

  public void acknowledge(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    respond(ctx, incidents.acknowledge(id, actor(ctx, "acknowledging")));
  }

  public void resolve(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    respond(ctx, incidents.resolve(id, actor(ctx, "resolving")));
  }

  /** {@code POST /api/incidents/{id}/escalate}: the next step pages now. */
  public void escalate(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    ctx.json(
        new Response(
            "escalated",
            IncidentJson.Summary.of(incidents.escalateNow(id, actor(ctx, "escalating")))));
  }

  /** {@code POST /api/incidents/{id}/unacknowledge}: back to triggered, paging resumes. */
  public void unacknowledge(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    boolean done = incidents.unacknowledge(id, actor(ctx, "unacknowledging"));
    ctx.json(
        new Response(
            done ? "unacknowledged" : "not_acknowledged",
            IncidentJson.Summary.of(reads.incident(id))));
  }

  /**
   * {@code POST /api/incidents/{id}/responders} {@code {"persons": [...], "schedules": [...],
   * "by"}}: each person, and everyone on call in each schedule, is paged at once.
   */
  public void addResponders(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    JsonBody body = JsonBody.parse(json, ctx.body(), Set.of("persons", "schedules", "by"));
    OnCall oncall = rota.current();
    List<String> persons = body.texts("persons");
    List<String> schedules = body.texts("schedules");
    for (String person : persons) {
      if (oncall.person(person).isEmpty()) {
        throw new HttpProblem(400, "unknown person '" + person + "'", "persons");
      }
    }
    for (String schedule : schedules) {
      if (!oncall.schedules().containsKey(schedule)) {
        throw new HttpProblem(400, "unknown schedule '" + schedule + "'", "schedules");
      }
    }
    if (persons.isEmpty() && schedules.isEmpty()) {
      throw new HttpProblem(400, "name at least one of persons and schedules", "persons");
    }
    List<String> paged =
        incidents.addResponders(
            id, new Responders(persons, schedules), actor(ctx, body, "adding responders"));
    ctx.json(new Paged("paged", paged, IncidentJson.Summary.of(reads.incident(id))));
  }

  private static void respond(Context ctx, ActionResult result) {
    ctx.json(new Response(result.outcome().wireName(), IncidentJson.Summary.of(result.incident())));
  }

  private Actor actor(Context ctx, String what) {
    return actor(ctx, JsonBody.parse(json, ctx.body(), Set.of("by")), what);
  }

  private Actor actor(Context ctx, JsonBody body, String what) {
    return Acting.actor(ctx, body.text("by"), rota.current(), Role.RESPONDER, what);
  }

  record Response(String outcome, IncidentJson.Summary incident) {}

  record Paged(String outcome, List<String> paged, IncidentJson.Summary incident) {}
}
