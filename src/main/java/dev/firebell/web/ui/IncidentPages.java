package dev.firebell.web.ui;

import dev.firebell.config.SeverityConfig;
import dev.firebell.escalation.EscalationReads;
import dev.firebell.escalation.EscalationView;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentDetails;
import dev.firebell.incident.IncidentFilter;
import dev.firebell.incident.IncidentReads;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.alert.AlertValues;
import dev.firebell.incident.alert.IncidentAlert;
import dev.firebell.incident.review.ActionItem;
import dev.firebell.incident.review.Impact;
import dev.firebell.incident.review.IncidentReview;
import dev.firebell.incident.timeline.TimelineEntry;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import dev.firebell.postmortem.Postmortem;
import dev.firebell.postmortem.PostmortemService;
import dev.firebell.security.WebSession;
import dev.firebell.upstream.Silences;
import dev.firebell.web.Pages;
import dev.firebell.web.PostmortemApi;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The responder's pages: the incident list, an incident with its alerts, timeline and forms, and
 * its draft postmortem. Every action is a CSRF-checked form post, stamped with the logged-in user's
 * person, answered by a redirect back to the incident.
 */
public final class IncidentPages {
  private static final int LIST_LIMIT = 200;

  private final IncidentReads reads;
  private final EscalationReads escalations;
  private final PostmortemService postmortems;
  private final Silences silences;
  private final Rota rota;
  private final UiSecurity security;
  private final Pages pages;
  private final Clock clock;
  private final Set<String> severities;
  private final String defaultSeverity;
  private final Parser markdown = Parser.builder().build();
  private final HtmlRenderer html =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new PostmortemUrls())
          .build();

  public IncidentPages(
      IncidentReads reads,
      EscalationReads escalations,
      PostmortemService postmortems,
      Silences silences,
      Rota rota,
      SeverityConfig severity,
      UiSecurity security,
      Pages pages,
      Clock clock) {
    this.reads = reads;
    this.escalations = escalations;
    this.postmortems = postmortems;
    this.silences = silences;
    this.rota = rota;
    this.security = security;
    this.pages = pages;
    this.clock = clock;
    this.severities = severity.severities();
    this.defaultSeverity = severity.defaultSeverity();
  }

  public void list(Context ctx) {
    WebSession session = security.session(ctx);
    IncidentFilter filter = IncidentFilter.parse(param(ctx, "status")).orElse(IncidentFilter.ALL);
    String severity = param(ctx, "severity");
    String service = param(ctx, "service");
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Incident> listed =
        new ArrayList<>(reads.list(filter, severity, service, LIST_LIMIT, true));
    List<String> ranked = severities.stream().sorted().toList();
    listed.sort(ListOrder.of(ranked));
    for (Incident incident : listed) {
      Map<String, Object> row = new HashMap<>();
      row.put("i", incident);
      row.put("status", incident.status().wireName());
      row.put("rank", Math.min(4, ranked.indexOf(incident.severity()) + 1));
      row.put("age", Views.duration(incident.duration(clock.instant())));
      row.put("ackBy", personName(rota, incident.acknowledgedBy()));
      rows.add(row);
    }
    Map<String, Object> model = base(session);
    model.put("rows", rows);
    model.put("status", filter.name().toLowerCase());
    model.put("severity", severity);
    model.put("service", service);
    model.put("severities", severities);
    model.put("services", reads.services());
    model.put("defaultSeverity", defaultSeverity);
    model.put("targets", DeclareTargets.of(rota.current()));
    model.put("canAct", security.role(session).allows(Role.RESPONDER));
    render(ctx, "ui/incidents.peb", model);
  }

  /**
   * The escalation panel: the step that ran, the next one and whom it pages, each page and how it
   * stands, or why nobody was paged.
   */
  private Map<String, Object> escalationView(
      EscalationView escalation, Incident incident, ZoneId zone) {
    OnCall oncall = rota.current();
    Map<String, Object> view = new HashMap<>();
    view.put("policy", escalation.policy() == null ? "" : escalation.policy());
    view.put("state", escalation.state());
    view.put(
        "step",
        escalation.step() == null ? "" : "step " + escalation.step() + " of " + escalation.of());
    if (escalation.nextAt() != null && incident.status() == IncidentStatus.TRIGGERED) {
      view.put(
          "next",
          "next: step "
              + (escalation.step() == null ? 1 : escalation.step() % escalation.of() + 1)
              + " at "
              + Views.time(escalation.nextAt(), zone)
              + " to "
              + String.join(", ", escalation.nextTargets())
              + (escalation.nextPeople().isEmpty()
                  ? " (nobody on call then)"
                  : " ("
                      + String.join(
                          ", ",
                          escalation.nextPeople().stream().map(id -> personName(rota, id)).toList())
                      + ")"));
    }
    view.put(
        "paged",
        escalation.paged().stream()
            .map(
                page ->
                    Map.of(
                        "who",
                        oncall.person(page.person()).map(Person::name).orElse(page.person()),
                        "contact",
                        page.contact() + " (" + page.channel() + ")",
                        "at",
                        Views.time(page.at(), zone),
                        "status",
                        page.status()))
            .toList());
    if (escalation.nobodyPaged() != null) {
      view.put("nobody", escalation.nobodyPaged());
    }
    return view;
  }

  public void show(Context ctx) {
    WebSession session = security.session(ctx);
    ZoneId zone = Views.zoneOf(rota.current(), session.personId(), ZoneOffset.UTC);
    IncidentDetails details = reads.details(id(ctx));
    Incident incident = details.incident();
    Map<String, Object> model = base(session);
    model.put("i", incident);
    model.put("status", incident.status().wireName());
    // Viewers read: what they cannot do is not offered.
    boolean canAct = security.role(session).allows(Role.RESPONDER);
    model.put("canAct", canAct);
    model.put("canAck", canAct && incident.status() == IncidentStatus.TRIGGERED);
    model.put("canResolve", canAct && incident.status() != IncidentStatus.RESOLVED);
    model.put("canUnack", canAct && incident.status() == IncidentStatus.ACKNOWLEDGED);
    escalations
        .of(incident.id())
        .ifPresent(
            escalation -> model.put("escalation", escalationView(escalation, incident, zone)));
    model.put("responderTargets", DeclareTargets.responders(rota.current()));
    model.put(
        "canSilence",
        canAct && incident.status() != IncidentStatus.RESOLVED && silences.canSilence(incident));
    model.put("zone", zone.getId());
    model.put("opened", Views.time(incident.openedAt(), zone));
    model.put("started", Views.time(incident.startedAt(), zone));
    model.put("age", Views.duration(incident.duration(clock.instant())));
    model.put("ackBy", personName(rota, incident.acknowledgedBy()));
    model.put("acked", Views.time(incident.acknowledgedAt(), zone));
    model.put("resolved", Views.time(incident.resolvedAt(), zone));
    model.put("alerts", details.alerts().stream().map(alert -> alertView(alert, zone)).toList());
    model.put("truncated", incident.truncationNote());
    model.put(
        "timeline", details.timeline().stream().map(entry -> entryView(entry, zone)).toList());
    model.put("review", details.review());
    model.put(
        "impact",
        details.review().impact() == null
            ? new Impact(null, null, null, null, null)
            : details.review().impact());
    model.put("actionItems", actionItemsText(details.review()));
    model.put("severities", severities);
    render(ctx, "ui/incident.peb", model);
  }

  public void postmortem(Context ctx) {
    WebSession session = security.session(ctx);
    long id = id(ctx);
    String text = postmortems.markdown(postmortems.draft(id));
    Map<String, Object> model = base(session);
    model.put("id", id);
    model.put("html", html.render(markdown.parse(text)));
    render(ctx, "ui/postmortem.peb", model);
  }

  public void postmortemFile(Context ctx) {
    security.session(ctx);
    long id = id(ctx);
    Postmortem draft = postmortems.draft(id);
    ctx.header("Content-Disposition", "attachment; filename=\"incident-" + id + "-postmortem.md\"");
    PostmortemApi.sendMarkdown(ctx, postmortems, draft);
  }

  private Map<String, Object> base(WebSession session) {
    Map<String, Object> model = new HashMap<>();
    model.put("user", session.username());
    model.put("person", personName(rota, session.personId()));
    model.put("csrf", session.csrfToken());
    return model;
  }

  private void render(Context ctx, String template, Map<String, Object> model) {
    security.feedback(ctx, model);
    ctx.html(pages.render(template, model));
  }

  private static Map<String, Object> alertView(IncidentAlert alert, ZoneId zone) {
    Map<String, Object> view = new HashMap<>();
    view.put("a", alert);
    view.put("name", alert.labels().getOrDefault("alertname", "Alert " + alert.fingerprint()));
    view.put("status", alert.status().wireName());
    view.put("started", Views.time(alert.startsAt(), zone));
    view.put("ended", Views.time(alert.endsAt(), zone));
    view.put("values", AlertValues.format(alert.values(), alert.valueString()));
    view.put("dashboard", Views.safeUrl(alert.dashboardUrl()));
    view.put("panel", Views.safeUrl(alert.panelUrl()));
    view.put("silence", Views.safeUrl(alert.silenceUrl()));
    view.put("rule", Views.safeUrl(alert.generatorUrl()));
    view.put("image", Views.safeUrl(alert.imageUrl()));
    view.put("runbook", Views.safeUrl(alert.annotations().get("runbook_url")));
    return view;
  }

  private Map<String, Object> entryView(TimelineEntry entry, ZoneId zone) {
    Map<String, Object> view = new HashMap<>();
    view.put("at", Views.time(entry.at(), zone));
    view.put("kind", entry.kind().wireName());
    view.put("text", entry.text());
    view.put(
        "actor", entry.actor().equals(TimelineEntry.SYSTEM) ? "" : personName(rota, entry.actor()));
    return view;
  }

  private static String actionItemsText(IncidentReview review) {
    StringBuilder text = new StringBuilder();
    for (ActionItem item : review.actionItems()) {
      text.append(item.text())
          .append(" | ")
          .append(item.owner() == null ? "" : item.owner())
          .append(" | ")
          .append(item.due() == null ? "" : item.due())
          .append('\n');
    }
    return text.toString();
  }

  /** A person's name from the rota, or their id when they left it. */
  static String personName(Rota rota, String personId) {
    if (personId == null) {
      return null;
    }
    return rota.current().person(personId).map(p -> p.name()).orElse(personId);
  }

  static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new PageProblem(404, "There is no such incident.");
    }
  }

  static String param(Context ctx, String name) {
    String value = ctx.method().name().equals("GET") ? ctx.queryParam(name) : ctx.formParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
