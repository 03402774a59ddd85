package dev.firebell.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.SeverityConfig;
import dev.firebell.incident.Actor;
import dev.firebell.incident.Declaration;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentReads;
import dev.firebell.incident.IncidentService;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/incidents}: a person declares an incident and pages a person, everyone on call
 * in a schedule, or a policy from its first step. Answers {@code 201} with the incident.
 */
public final class DeclareApi {
  private static final Set<String> FIELDS =
      Set.of(
          "title",
          "summary",
          "severity",
          "service",
          "labels",
          "by",
          "person",
          "schedule",
          "policy");

  private final IncidentService incidents;
  private final IncidentReads reads;
  private final Rota rota;
  private final ObjectMapper json;
  private final SeverityConfig severity;

  public DeclareApi(
      IncidentService incidents,
      IncidentReads reads,
      Rota rota,
      ObjectMapper json,
      SeverityConfig severity) {
    this.incidents = incidents;
    this.reads = reads;
    this.rota = rota;
    this.json = json;
    this.severity = severity;
  }

  public void declare(Context ctx) {
    JsonBody body = JsonBody.parse(json, ctx.body(), FIELDS);
    OnCall oncall = rota.current();
    Declaration declaration =
        Declarations.checked(
            body.text("title"),
            body.text("summary"),
            body.text("severity"),
            body.text("service"),
            body.strings("labels"),
            target(body, oncall),
            severity);
    Actor actor = Acting.actor(ctx, body.text("by"), oncall, Role.RESPONDER, "declaring incidents");
    Incident incident = incidents.declare(declaration, actor);
    ctx.status(201).json(IncidentJson.of(reads.details(incident.id())));
  }

  /** Exactly one of person, schedule and policy, known to the rota. */
  private static Declaration.Target target(JsonBody body, OnCall oncall) {
    List<String> given =
        List.of("person", "schedule", "policy").stream().filter(body::has).toList();
    if (given.isEmpty()) {
      throw new HttpProblem(400, "one of person, schedule or policy is required", "person");
    }
    if (given.size() > 1) {
      throw new HttpProblem(
          400, "only one of person, schedule or policy may be given", given.get(1));
    }
    String field = given.get(0);
    return Declarations.target(field, body.requiredText(field), oncall)
        .orElseThrow(
            () -> new HttpProblem(400, "unknown " + field + " '" + body.text(field) + "'", field));
  }
}
