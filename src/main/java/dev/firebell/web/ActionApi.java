package dev.firebell.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.incident.ActionResult;
import dev.firebell.incident.Actor;
import dev.firebell.incident.IncidentService;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import io.javalin.http.Context;
import java.util.Set;

/** {@code POST /api/incidents/{id}/ack} and {@code /resolve} with {@code {"by": "<person id>"}}. */
public final class ActionApi {
  private final IncidentService incidents;
  private final Rota rota;
  private final ObjectMapper json;

  public ActionApi(IncidentService incidents, Rota rota, ObjectMapper json) {
    this.incidents = incidents;
    this.rota = rota;
    this.json = json;
  }

  public void acknowledge(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    respond(ctx, incidents.acknowledge(id, actor(ctx)));
  }

  public void resolve(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    respond(ctx, incidents.resolve(id, actor(ctx)));
  }

  private static void respond(Context ctx, ActionResult result) {
    ctx.json(new Response(result.outcome().wireName(), IncidentJson.Summary.of(result.incident())));
  }

  private Actor actor(Context ctx) {
    String by = JsonBody.parse(json, ctx.body(), Set.of("by")).requiredText("by");
    Person person =
        rota.current()
            .person(by)
            .orElseThrow(() -> new HttpProblem(400, "unknown person '" + by + "'", "by"));
    return new Actor(person.id(), person.name(), "API");
  }

  record Response(String outcome, IncidentJson.Summary incident) {}
}
