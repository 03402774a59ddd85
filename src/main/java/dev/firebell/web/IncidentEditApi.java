package dev.firebell.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.SeverityConfig;
import dev.firebell.incident.Actor;
import dev.firebell.incident.IncidentReads;
import dev.firebell.incident.IncidentService;
import dev.firebell.incident.TimelineEntry;
import dev.firebell.incident.review.ActionItem;
import dev.firebell.incident.review.FieldChanges;
import dev.firebell.incident.review.Impact;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/incidents/{id}/notes} and {@code PATCH /api/incidents/{id}}: what responders add
 * to an incident for its postmortem.
 */
public final class IncidentEditApi {
  private static final Set<String> NOTE_FIELDS = Set.of("text", "by", "at");
  private static final Set<String> IMPACT_FIELDS =
      Set.of("usersAffected", "usersAffectedPercent", "supportCases", "errorCount", "text");
  private static final Set<String> ACTION_ITEM_FIELDS = Set.of("text", "owner", "due");
  private static final int MAX_NOTE = 4_000;
  private static final int MAX_TITLE = 1_000;
  private static final int MAX_TEXT = 20_000;

  private final IncidentService incidents;
  private final IncidentReads reads;
  private final Rota rota;
  private final ObjectMapper json;
  private final Set<String> severities;

  public IncidentEditApi(
      IncidentService incidents,
      IncidentReads reads,
      Rota rota,
      ObjectMapper json,
      SeverityConfig severity) {
    this.incidents = incidents;
    this.reads = reads;
    this.rota = rota;
    this.json = json;
    this.severities = severity.severities();
  }

  public void addNote(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    JsonBody body = JsonBody.parse(json, ctx.body(), NOTE_FIELDS);
    String text = limited(body, "text", body.requiredText("text"), MAX_NOTE);
    Actor actor = actor(body);
    TimelineEntry entry = incidents.addNote(id, actor, text, body.instant("at"));
    ctx.status(201).json(IncidentJson.Entry.of(entry));
  }

  public void edit(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    Set<String> allowed = new HashSet<>(FieldChanges.FIELDS);
    allowed.add("by");
    JsonBody body = JsonBody.parse(json, ctx.body(), allowed);
    Actor actor = actor(body);
    Map<String, Object> values = new HashMap<>();
    for (String field : List.of("summary", "rootCause", "resolution", "detectionNotes")) {
      if (body.has(field)) {
        values.put(field, limited(body, field, body.text(field), MAX_TEXT));
      }
    }
    if (body.has("title")) {
      values.put("title", limited(body, "title", body.requiredText("title"), MAX_TITLE));
    }
    if (body.has("severity")) {
      String severity = body.requiredText("severity");
      if (!severities.contains(severity)) {
        throw new HttpProblem(400, "severity must be one of " + severities, "severity");
      }
      values.put("severity", severity);
    }
    if (body.has("impact")) {
      values.put("impact", impact(body.object("impact", IMPACT_FIELDS)));
    }
    if (body.has("actionItems")) {
      values.put("actionItems", actionItems(body.objects("actionItems", ACTION_ITEM_FIELDS)));
    }
    List<String> changed = incidents.edit(id, actor, new FieldChanges(values));
    ctx.json(new EditResponse(changed, IncidentJson.of(reads.details(id))));
  }

  private static Impact impact(JsonBody impact) {
    if (impact == null) {
      return null;
    }
    Double percent = impact.number("usersAffectedPercent");
    if (percent != null && (percent < 0 || percent > 100)) {
      throw new HttpProblem(
          400,
          impact.path("usersAffectedPercent") + " must be from 0 to 100",
          impact.path("usersAffectedPercent"));
    }
    return new Impact(
        impact.wholeNumber("usersAffected"),
        percent,
        impact.wholeNumber("supportCases"),
        impact.wholeNumber("errorCount"),
        impact.text("text"));
  }

  private static List<ActionItem> actionItems(List<JsonBody> items) {
    if (items == null) {
      return List.of();
    }
    return items.stream()
        .map(
            item -> new ActionItem(item.requiredText("text"), item.text("owner"), item.date("due")))
        .toList();
  }

  private Actor actor(JsonBody body) {
    String by = body.requiredText("by");
    Person person =
        rota.current()
            .person(by)
            .orElseThrow(() -> new HttpProblem(400, "unknown person '" + by + "'", "by"));
    return new Actor(person.id(), person.name(), "API");
  }

  private static String limited(JsonBody body, String field, String text, int max) {
    if (text != null && text.length() > max) {
      throw new HttpProblem(
          400, field + " is longer than " + max + " characters", body.path(field));
    }
    return text;
  }

  record EditResponse(List<String> changed, IncidentJson incident) {}
}
