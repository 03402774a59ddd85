package dev.firebell.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.maintenance.Maintenance;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/maintenance} {@code {match: {labels}, from, to, reason, by}}, {@code GET
 * /api/maintenance} (windows running or ahead) and {@code DELETE /api/maintenance/{id}} (end now).
 */
public final class MaintenanceApi {
  private static final Set<String> FIELDS = Set.of("match", "from", "to", "reason", "by");

  private final Maintenance maintenance;
  private final Rota rota;
  private final ObjectMapper json;

  public MaintenanceApi(Maintenance maintenance, Rota rota, ObjectMapper json) {
    this.maintenance = maintenance;
    this.rota = rota;
    this.json = json;
  }

  public void list(Context ctx) {
    ctx.json(new Page(maintenance.current()));
  }

  public void add(Context ctx) {
    JsonBody body = JsonBody.parse(json, ctx.body(), FIELDS);
    Map<String, String> match = match(ctx);
    Instant from = body.instant("from");
    Instant to = body.instant("to");
    if (from == null || to == null) {
      throw new HttpProblem(400, "from and to are required", from == null ? "from" : "to");
    }
    if (!to.isAfter(from)) {
      throw new HttpProblem(400, "to must be after from", "to");
    }
    String reason = body.requiredText("reason");
    Acting.require(ctx, rota.current(), Role.ADMIN, "managing maintenance windows");
    String by = body.text("by");
    if (by != null && rota.current().person(by).isEmpty()) {
      throw new HttpProblem(400, "unknown person '" + by + "'", "by");
    }
    if (by == null && ApiCaller.of(ctx) instanceof ApiCaller.Personal token) {
      by = token.personId();
    }
    ctx.status(201).json(maintenance.add(match, from, to, reason, by));
  }

  public void end(Context ctx) {
    Acting.require(ctx, rota.current(), Role.ADMIN, "managing maintenance windows");
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new HttpProblem(404, "no maintenance window " + ctx.pathParam("id"), "id");
    }
    if (!maintenance.end(id)) {
      throw new HttpProblem(404, "no running or scheduled maintenance window " + id, "id");
    }
    ctx.status(204);
  }

  /** {@code match} must be an object of label names to string values. */
  private Map<String, String> match(Context ctx) {
    JsonNode node;
    try {
      node = json.readTree(ctx.body()).get("match");
    } catch (java.io.IOException e) {
      throw new HttpProblem(400, "the body is not valid JSON", "body");
    }
    if (node != null && node.size() == 1 && node.path("labels").isObject()) {
      node = node.get("labels"); // {"match": {"labels": {...}}} reads the same as {"match": {...}}
    }
    if (node == null || !node.isObject() || node.isEmpty()) {
      throw new HttpProblem(
          400, "match must be an object of labels, like {\"service\": \"pizza-factory\"}", "match");
    }
    Map<String, String> match = new LinkedHashMap<>();
    for (var fields = node.fields(); fields.hasNext(); ) {
      var field = fields.next();
      if (!field.getValue().isTextual()) {
        throw new HttpProblem(
            400, "match." + field.getKey() + " must be a string", "match." + field.getKey());
      }
      match.put(field.getKey(), field.getValue().textValue());
    }
    return match;
  }

  record Page(java.util.List<MaintenanceWindow> windows) {}
}
