package dev.firebell.web.ui;

import dev.firebell.config.SeverityConfig;
import dev.firebell.incident.ActionOutcome;
import dev.firebell.incident.ActionResult;
import dev.firebell.incident.Actor;
import dev.firebell.incident.Declaration;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentService;
import dev.firebell.incident.Responders;
import dev.firebell.incident.review.ActionItem;
import dev.firebell.incident.review.EditField;
import dev.firebell.incident.review.Impact;
import dev.firebell.incident.review.IncidentEdit;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import dev.firebell.security.WebSession;
import dev.firebell.upstream.Silences;
import dev.firebell.web.Declarations;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The forms on an incident's page: acknowledge, resolve, silence in the alert source, add a note,
 * edit the fields for the postmortem. Each needs a session and its CSRF token, and goes back to the
 * incident. Edits are checked by {@link IncidentEdit}, as the API's are.
 */
public final class IncidentForms {
  private final IncidentService incidents;
  private final Rota rota;
  private final Silences silences;
  private final UiSecurity security;
  private final Clock clock;
  private final Set<String> severities;
  private final SeverityConfig severity;

  public IncidentForms(
      IncidentService incidents,
      Rota rota,
      Silences silences,
      SeverityConfig severity,
      UiSecurity security,
      Clock clock) {
    this.incidents = incidents;
    this.rota = rota;
    this.silences = silences;
    this.security = security;
    this.clock = clock;
    this.severities = severity.severities();
    this.severity = severity;
  }

  public void acknowledge(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Acknowledging");
    ActionResult result = incidents.acknowledge(IncidentPages.id(ctx), actor(session));
    security.flash(
        ctx,
        result.outcome() == ActionOutcome.ACKNOWLEDGED
            ? "Acknowledged: escalation has stopped."
            : "Nothing changed: the incident was already "
                + result.incident().status().wireName()
                + ".");
    back(ctx);
  }

  public void resolve(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Resolving");
    ActionResult result = incidents.resolve(IncidentPages.id(ctx), actor(session));
    security.flash(
        ctx,
        result.outcome() == ActionOutcome.RESOLVED
            ? "Resolved: everyone paged is told."
            : "Nothing changed: the incident was already resolved.");
    back(ctx);
  }

  /** The "Escalate now" button: the next step pages at once. */
  public void escalate(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Escalating");
    incidents.escalateNow(IncidentPages.id(ctx), actor(session));
    security.flash(ctx, "Escalated: the next step pages now.");
    back(ctx);
  }

  /** The "Unacknowledge" button: back to triggered, paging resumes. */
  public void unacknowledge(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Unacknowledging");
    boolean done = incidents.unacknowledge(IncidentPages.id(ctx), actor(session));
    security.flash(
        ctx,
        done ? "Unacknowledged: paging resumes." : "Nothing changed: it was not acknowledged.");
    back(ctx);
  }

  /** The "Add responders" form: a person or a schedule ({@code person:x}, {@code schedule:y}). */
  public void addResponders(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Adding responders");
    String target = IncidentPages.param(ctx, "responder");
    OnCall oncall = rota.current();
    Responders responders;
    if (target != null
        && target.startsWith("person:")
        && oncall.person(target.substring(7)).isPresent()) {
      responders = new Responders(List.of(target.substring(7)), List.of());
    } else if (target != null
        && target.startsWith("schedule:")
        && oncall.schedules().containsKey(target.substring(9))) {
      responders = new Responders(List.of(), List.of(target.substring(9)));
    } else {
      throw new PageProblem(400, "Choose a person or a schedule to page.");
    }
    List<String> paged = incidents.addResponders(IncidentPages.id(ctx), responders, actor(session));
    security.flash(
        ctx,
        paged.isEmpty()
            ? "Nobody was paged: nobody on call there, or no contacts."
            : "Paged "
                + String.join(
                    ", ", paged.stream().map(id -> IncidentPages.personName(rota, id)).toList())
                + ".");
    back(ctx);
  }

  /** The "Silence in sender" button: a silence of the incident's alerts for the longest allowed. */
  public void silence(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Silencing");
    silences.silence(
        IncidentPages.id(ctx), actor(session).name(), silences.maxDuration(), clock.instant());
    security.flash(ctx, "Silence asked of the sender: the timeline says when it is set.");
    back(ctx);
  }

  public void addNote(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Adding notes");
    String text = IncidentEdit.note(IncidentPages.param(ctx, "text"));
    String at = IncidentPages.param(ctx, "at");
    ZoneId zone = Views.zoneOf(rota.current(), session.personId(), ZoneOffset.UTC);
    incidents.addNote(
        IncidentPages.id(ctx), actor(session), text, at == null ? null : noteTime(at, zone));
    security.flash(ctx, "Note added.");
    back(ctx);
  }

  public void editFields(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Editing fields");
    IncidentEdit.Builder edit =
        IncidentEdit.builder(severities)
            .title(IncidentPages.param(ctx, "title"))
            .severity(IncidentPages.param(ctx, "severity"));
    for (EditField field :
        List.of(
            EditField.SUMMARY,
            EditField.ROOT_CAUSE,
            EditField.RESOLUTION,
            EditField.DETECTION_NOTES)) {
      edit.text(field, IncidentPages.param(ctx, field.wireName()));
    }
    edit.impact(
            new Impact(
                number(ctx, "usersAffected"),
                percent(ctx),
                number(ctx, "supportCases"),
                number(ctx, "errorCount"),
                IncidentPages.param(ctx, "impactText")))
        .actionItems(actionItems(IncidentPages.param(ctx, "actionItems")));
    List<String> changed = incidents.edit(IncidentPages.id(ctx), actor(session), edit.build());
    security.flash(
        ctx, changed.isEmpty() ? "Nothing changed." : "Saved: " + String.join(", ", changed) + ".");
    back(ctx);
  }

  /** One action item a line: {@code text | owner | 2026-12-15}; owner and date optional. */
  private static List<ActionItem> actionItems(String text) {
    List<ActionItem> items = new ArrayList<>();
    if (text == null) {
      return items;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\\|", -1);
      String owner = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null;
      LocalDate due = null;
      if (parts.length > 2 && !parts[2].isBlank()) {
        try {
          due = LocalDate.parse(parts[2].strip());
        } catch (DateTimeParseException e) {
          throw new PageProblem(
              400, "Action item due dates are written like 2026-12-15: '" + parts[2].strip() + "'");
        }
      }
      items.add(new ActionItem(parts[0].strip(), owner, due));
    }
    return items;
  }

  private Actor actor(WebSession session) {
    return new Actor(session.personId(), IncidentPages.personName(rota, session.personId()), "UI");
  }

  /**
   * When a note says it happened, read in the zone the page showed; a note is about the past, so
   * one dated more than a few minutes ahead is refused.
   */
  private java.time.Instant noteTime(String localDateTime, ZoneId zone) {
    java.time.Instant at;
    try {
      at = LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new PageProblem(
          400, "The note's time must look like 2026-11-28T20:00 (" + zone.getId() + ").");
    }
    if (at.isAfter(clock.instant().plus(java.time.Duration.ofMinutes(5)))) {
      throw new PageProblem(
          400, "A note's time is when it happened: " + Views.time(at, zone) + " is in the future.");
    }
    return at;
  }

  private static Long number(Context ctx, String field) {
    String text = IncidentPages.param(ctx, field);
    try {
      return text == null ? null : Long.valueOf(text);
    } catch (NumberFormatException e) {
      throw new PageProblem(400, field + " must be a whole number of at least 0.");
    }
  }

  private static Double percent(Context ctx) {
    String text = IncidentPages.param(ctx, "usersAffectedPercent");
    try {
      return text == null ? null : Double.valueOf(text);
    } catch (NumberFormatException e) {
      throw new PageProblem(400, "The percentage of users affected must be from 0 to 100.");
    }
  }

  private static void back(Context ctx) {
    ctx.redirect("/incidents/" + ctx.pathParam("id"), HttpStatus.SEE_OTHER);
  }

  /** {@code POST /incidents/declare}: the "Declare incident" form, as the logged-in person. */
  public void declare(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Declaring incidents");
    String target = IncidentPages.param(ctx, "target");
    int colon = target == null ? -1 : target.indexOf(':');
    Declaration.Target chosen =
        colon < 0
            ? null
            : Declarations.target(
                    target.substring(0, colon), target.substring(colon + 1), rota.current())
                .orElse(null);
    if (chosen == null) {
      throw new PageProblem(400, "Choose whom to page.");
    }
    Declaration declaration =
        Declarations.checked(
            IncidentPages.param(ctx, "title"),
            IncidentPages.param(ctx, "summary"),
            IncidentPages.param(ctx, "severity"),
            IncidentPages.param(ctx, "service"),
            Map.of(),
            chosen,
            severity);
    String personId = session.personId();
    String name = personId == null ? session.username() : IncidentPages.personName(rota, personId);
    Incident incident =
        incidents.declare(
            declaration, new Actor(personId == null ? session.username() : personId, name, "UI"));
    security.flash(ctx, "Incident #" + incident.id() + " declared: paging has started.");
    ctx.redirect("/incidents/" + incident.id(), HttpStatus.SEE_OTHER);
  }
}
