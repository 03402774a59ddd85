package dev.firebell.web.ui;

import dev.firebell.config.DurationParser;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallWarnings;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.ScheduleOverride;
import dev.firebell.oncall.ScheduleStatus;
import dev.firebell.oncall.override.OverrideRules;
import dev.firebell.oncall.override.Overrides;
import dev.firebell.oncall.swap.ShiftSwaps;
import dev.firebell.oncall.swap.SwapRules;
import dev.firebell.security.CalendarTokens.Feed;
import dev.firebell.security.WebSession;
import dev.firebell.web.Pages;
import dev.firebell.web.oncall.CalendarFeedPage;
import dev.firebell.web.oncall.ContactTestApi;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /oncall}: who is on call now and next, each schedule's next {@value #DAYS} days, forms to
 * add and remove overrides, calendar feeds, the escalation policies, and warnings.
 */
public final class OnCallPage {
  static final int DAYS = 14;

  private final Rota rota;
  private final Overrides overrides;
  private final ShiftSwaps swaps;
  private final Heartbeats heartbeats;
  private final CalendarFeedPage calendars;
  private final ContactTestApi contactTest;
  private final UiSecurity security;
  private final Pages pages;
  private final Clock clock;

  public OnCallPage(
      Rota rota,
      Overrides overrides,
      ShiftSwaps swaps,
      Heartbeats heartbeats,
      CalendarFeedPage calendars,
      ContactTestApi contactTest,
      UiSecurity security,
      Pages pages,
      Clock clock) {
    this.rota = rota;
    this.overrides = overrides;
    this.swaps = swaps;
    this.heartbeats = heartbeats;
    this.calendars = calendars;
    this.contactTest = contactTest;
    this.security = security;
    this.pages = pages;
    this.clock = clock;
  }

  public void show(Context ctx) {
    WebSession session = security.session(ctx);
    Instant now = clock.instant();
    OnCall oncall = rota.current();
    ZoneId viewerZone = Views.zoneOf(oncall, session.personId(), java.time.ZoneOffset.UTC);
    List<Map<String, Object>> schedules = new ArrayList<>();
    for (Schedule schedule :
        oncall.schedules().values().stream().sorted(Comparator.comparing(Schedule::id)).toList()) {
      schedules.add(schedule(oncall, schedule, now, session.personId()));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("user", session.username());
    model.put("csrf", session.csrfToken());
    model.put("me", session.personId());
    Role role = security.role(session);
    model.put("canAct", role.allows(Role.RESPONDER));
    model.put("isAdmin", role.allows(Role.ADMIN));
    model.put("myCalendar", calendars.urlFor(new Feed(Feed.Kind.PERSON, session.personId())));
    model.put(
        "myContacts",
        oncall
            .person(session.personId())
            .map(
                person ->
                    person.contacts().stream()
                        .map(contact -> Map.of("id", contact.id(), "channel", contact.channel()))
                        .toList())
            .orElse(List.of()));
    security.feedback(ctx, model);
    model.put("schedules", schedules);
    model.put("people", people(oncall));
    model.put("policies", policies(oncall));
    model.put(
        "heartbeats",
        heartbeats.statuses().stream()
            .map(
                beat ->
                    Map.of(
                        "id", beat.id(),
                        "state", beat.state(),
                        "lastBeat",
                            beat.lastBeatAt() == null
                                ? "never"
                                : Views.time(beat.lastBeatAt(), viewerZone),
                        "due", beat.dueAt() == null ? "" : Views.time(beat.dueAt(), viewerZone),
                        "interval", beat.interval()))
            .toList());
    model.put("warnings", OnCallWarnings.all(oncall, now));
    ctx.html(pages.render("ui/oncall.peb", model));
  }

  /** The zone a schedule's card shows and its forms read: the viewer's own, else the schedule's. */
  private static ZoneId zone(OnCall oncall, WebSession session, Schedule schedule) {
    return Views.zoneOf(oncall, session.personId(), schedule.timeZone());
  }

  /** {@code POST /oncall/overrides}: the add-override form; times in the zone its card shows. */
  public void addOverride(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Adding an override");
    OnCall oncall = rota.current();
    Schedule schedule = schedule(oncall, ctx.formParam("schedule"));
    selfOrAdmin(session, "Adding an override", param(ctx, "person"), param(ctx, "replaces"));
    ScheduleOverride request =
        new ScheduleOverride(
            null,
            param(ctx, "person"),
            local(param(ctx, "from"), zone(oncall, session, schedule), "start"),
            local(param(ctx, "to"), zone(oncall, session, schedule), "end"),
            param(ctx, "replaces"),
            param(ctx, "reason"),
            session.personId());
    OverrideRules.check(oncall, schedule.id(), request, clock.instant())
        .ifPresent(
            problem -> {
              throw new PageProblem(
                  problem.conflict() ? 409 : 400,
                  "The override was not added: " + problem.message() + ".");
            });
    overrides.add(schedule.id(), request);
    security.flash(ctx, "Override added to " + schedule.id() + ".");
    back(ctx, schedule);
  }

  /** {@code POST /oncall/swaps}: the "Request cover" form, for the logged-in person. */
  public void requestCover(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Requesting cover");
    OnCall oncall = rota.current();
    Schedule schedule = schedule(oncall, ctx.formParam("schedule"));
    Instant from = local(param(ctx, "from"), zone(oncall, session, schedule), "start");
    Instant to = local(param(ctx, "to"), zone(oncall, session, schedule), "end");
    SwapRules.check(oncall, schedule.id(), session.personId(), from, to, clock.instant())
        .ifPresent(
            problem -> {
              throw new PageProblem(400, "Cover was not requested: " + problem.message() + ".");
            });
    ShiftSwaps.Requested requested =
        swaps.request(schedule.id(), session.personId(), from, to, param(ctx, "reason"));
    security.flash(
        ctx,
        requested.asked().isEmpty()
            ? "Cover requested, but there is nobody else in the rotations to ask."
            : "Cover requested: asked "
                + String.join(
                    ", ",
                    requested.asked().stream()
                        .map(id -> IncidentPages.personName(rota, id))
                        .toList())
                + ".");
    back(ctx, schedule);
  }

  /** {@code POST /oncall/swaps/{swapId}/withdraw}: the logged-in person withdraws their request. */
  public void withdrawCover(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Withdrawing a request for cover");
    Schedule schedule = schedule(rota.current(), ctx.formParam("schedule"));
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("swapId"));
    } catch (NumberFormatException e) {
      throw new PageProblem(404, "There is no such request for cover.");
    }
    boolean own =
        swaps.find(id).map(swap -> swap.requester().equals(session.personId())).orElse(false);
    if (!own || !swaps.withdraw(schedule.id(), id)) {
      throw new PageProblem(
          404, "There is no open request for cover of yours to withdraw (it may have been taken).");
    }
    security.flash(ctx, "Request for cover withdrawn: the people asked are told.");
    back(ctx, schedule);
  }

  /**
   * {@code POST /oncall/contacts/{contactId}/test}: a test page to one of the logged-in person's
   * contacts, sent at once; the page it returns to says how it went.
   */
  public void testContact(Context ctx) {
    WebSession session = security.sessionWithCsrf(ctx);
    ContactTestApi.Result result = contactTest.send(session.personId(), ctx.pathParam("contactId"));
    String said =
        result.delivered()
            ? "Test page sent to " + result.contact() + " (" + result.channel() + "): delivered."
            : "Test page to "
                + result.contact()
                + " ("
                + result.channel()
                + ") failed: "
                + result.error();
    security.flash(ctx, said);
    ctx.redirect("/oncall#my-contacts", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /oncall/overrides/{id}/delete}. */
  public void removeOverride(Context ctx) {
    WebSession session = security.acting(ctx, Role.RESPONDER, "Removing an override");
    Schedule schedule = schedule(rota.current(), ctx.formParam("schedule"));
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new PageProblem(404, "There is no such override.");
    }
    overrides.upcoming(schedule.id()).stream()
        .filter(override -> override.id() != null && override.id() == id)
        .findFirst()
        .ifPresent(
            override ->
                selfOrAdmin(
                    session, "Removing an override", override.person(), override.replaces()));
    if (!overrides.remove(schedule.id(), id)) {
      throw new PageProblem(404, "There is no such override (it may have been removed already).");
    }
    security.flash(ctx, "Override removed.");
    back(ctx, schedule);
  }

  /** A rota change that names none of {@code named} as the logged-in person needs an admin. */
  private void selfOrAdmin(WebSession session, String what, String... named) {
    if (security.role(session).mayChangeFor(session.personId(), named)) {
      return;
    }
    throw new PageProblem(403, what + " for someone else needs the admin role.");
  }

  private Map<String, Object> schedule(OnCall oncall, Schedule schedule, Instant now, String me) {
    ScheduleStatus status = ScheduleStatus.of(schedule, now);
    Map<String, Object> view = new HashMap<>();
    view.put("id", schedule.id());
    ZoneId zone = Views.zoneOf(oncall, me, schedule.timeZone());
    view.put("zone", zone.getId());
    view.put("now", oncall.names(status.onCall()));
    view.put("until", status.until() == null ? "" : Views.time(status.until(), zone));
    view.put("next", status.until() == null ? "" : oncall.names(status.next()));
    view.put("days", RotaDays.of(oncall, schedule, now, DAYS, zone));
    view.put("calendarUrl", calendars.urlFor(new Feed(Feed.Kind.SCHEDULE, schedule.id())));
    view.put(
        "swaps",
        swaps.open(schedule.id()).stream()
            .map(
                swap ->
                    Map.of(
                        "id",
                        swap.id(),
                        "mine",
                        swap.requester().equals(me),
                        "who",
                        oncall.person(swap.requester()).map(Person::name).orElse(swap.requester()),
                        "window",
                        Views.time(swap.from(), zone) + " – " + Views.time(swap.to(), zone)))
            .toList());
    return view;
  }

  private static List<Map<String, String>> people(OnCall oncall) {
    return oncall.people().values().stream()
        .sorted(Comparator.comparing(Person::name))
        .map(person -> Map.of("id", person.id(), "name", person.name()))
        .toList();
  }

  private static List<Map<String, Object>> policies(OnCall oncall) {
    List<Map<String, Object>> policies = new ArrayList<>();
    for (EscalationPolicy policy :
        oncall.policies().values().stream()
            .sorted(Comparator.comparing(EscalationPolicy::id))
            .toList()) {
      Map<String, Object> view = new HashMap<>();
      view.put("id", policy.id());
      view.put("repeat", policy.repeat());
      view.put(
          "steps",
          policy.steps().stream()
              .map(
                  step ->
                      step.targets().stream()
                              .map(Object::toString)
                              .collect(Collectors.joining(", "))
                          + ", escalate after "
                          + DurationParser.format(step.escalateAfter()))
              .toList());
      policies.add(view);
    }
    return policies;
  }

  private static Schedule schedule(OnCall oncall, String id) {
    Schedule schedule = id == null ? null : oncall.schedules().get(id);
    if (schedule == null) {
      throw new PageProblem(400, "There is no schedule '" + id + "'.");
    }
    return schedule;
  }

  private static Instant local(String value, ZoneId zone, String which) {
    if (value == null) {
      throw new PageProblem(400, "The override needs a " + which + " time.");
    }
    try {
      return LocalDateTime.parse(value).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new PageProblem(400, "The " + which + " time must look like 2026-12-24T09:00.");
    }
  }

  private static String param(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static void back(Context ctx, Schedule schedule) {
    ctx.redirect("/oncall#schedule-" + schedule.id(), HttpStatus.SEE_OTHER);
  }
}
