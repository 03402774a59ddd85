package dev.firebell.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.SeverityConfig;
import dev.firebell.incident.Actor;
import dev.firebell.incident.IncidentReads;
import dev.firebell.incident.IncidentService;
import dev.firebell.incident.review.ActionItem;
import dev.firebell.incident.review.EditField;
import dev.firebell.incident.review.Impact;
import dev.firebell.incident.review.IncidentEdit;
import dev.firebell.incident.timeline.TimelineEntry;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code POST /api/incidents/{id}/notes} and {@code PATCH /api/incidents/{id}}: what responders add
 * to an incident for its postmortem.
 */
public final class IncidentEditApi {
  private static final Set<String> NOTE_FIELDS = Set.of("text", "by", "at");
  private static final Set<String> IMPACT_FIELDS =
      Set.of("usersAffected", "usersAffectedPercent", "supportCases", "errorCount", "text");
  private static final Set<String> ACTION_ITEM_FIELDS = Set.of("text", "owner", "due");

  /** What a PATCH may name: the fields of an edit, and who made it. */
  private static final Set<String> FIELDS =
      Stream.concat(Arrays.stream(EditField.values()).map(EditField::wireName), Stream.of("by"))
          .collect(Collectors.toUnmodifiableSet());

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
    String text = IncidentEdit.note(body.requiredText("text"));
    Actor actor = actor(ctx, body, "adding notes");
    TimelineEntry entry = incidents.addNote(id, actor, text, body.instant("at"));
    ctx.status(201).json(IncidentJson.Entry.of(entry));
  }

  public void edit(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    JsonBody body = JsonBody.parse(json, ctx.body(), FIELDS);
    Actor actor = actor(ctx, body, "editing fields");
    IncidentEdit.Builder edit = IncidentEdit.builder(severities);
    if (body.has("title")) {
      edit.title(body.requiredText("title"));
    }
    if (body.has("severity")) {
      edit.severity(body.requiredText("severity"));
    }
    for (EditField field :
        List.of(
            EditField.SUMMARY,
            EditField.ROOT_CAUSE,
            EditField.RESOLUTION,
            EditField.DETECTION_NOTES)) {
      if (body.has(field.wireName())) {
        edit.text(field, body.text(field.wireName()));
      }
    }
    if (body.has("impact")) {
      edit.impact(impact(body.object("impact", IMPACT_FIELDS)));
    }
    if (body.has("actionItems")) {
      edit.actionItems(actionItems(body.objects("actionItems", ACTION_ITEM_FIELDS)));
    }
    List<String> changed = incidents.edit(id, actor, edit.build());
    ctx.json(new EditResponse(changed, IncidentJson.of(reads.details(id))));
  }

  private static Impact impact(JsonBody impact) {
    if (impact == null) {
      return null;
    }
    return new Impact(
        impact.wholeNumber("usersAffected"),
        impact.number("usersAffectedPercent"),
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

  private Actor actor(Context ctx, JsonBody body, String what) {
    return Acting.actor(ctx, body.text("by"), rota.current(), Role.RESPONDER, what);
  }

  record EditResponse(List<String> changed, IncidentJson incident) {}
}
