package dev.firebell.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.firebell.incident.ActionResult;
import dev.firebell.incident.Actor;
import dev.firebell.incident.IncidentService;
import dev.firebell.json.JsonPaths;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import io.javalin.http.Context;

/** {@code POST /api/incidents/{id}/ack} and {@code /resolve} with {@code {"by": "<person id>"}}. */
public final class ActionApi {
  private final IncidentService incidents;
  private final OnCall oncall;
  private final ObjectMapper json;

  public ActionApi(IncidentService incidents, OnCall oncall, ObjectMapper json) {
    this.incidents = incidents;
    this.oncall = oncall;
    this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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
    ByBody body = read(ctx.body());
    if (body.by() == null || body.by().isBlank()) {
      throw new HttpProblem(400, "\"by\" (the person id of who acts) is required", "by");
    }
    Person person =
        oncall
            .person(body.by())
            .orElseThrow(() -> new HttpProblem(400, "unknown person '" + body.by() + "'", "by"));
    return new Actor(person.id(), person.name(), "API");
  }

  private ByBody read(String body) {
    try {
      return json.readValue(body.isBlank() ? "{}" : body, ByBody.class);
    } catch (UnrecognizedPropertyException e) {
      throw new HttpProblem(
          400, "unknown field '" + e.getPropertyName() + "'", e.getPropertyName());
    } catch (JsonMappingException e) {
      String field = JsonPaths.of(e, "body");
      throw new HttpProblem(400, field + " has the wrong type", field);
    } catch (JsonProcessingException e) {
      throw new HttpProblem(400, "the body is not valid JSON: " + e.getOriginalMessage(), "body");
    }
  }

  record ByBody(String by) {}

  record Response(String outcome, IncidentJson.Summary incident) {}
}
