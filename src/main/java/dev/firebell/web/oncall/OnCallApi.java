package dev.firebell.web.oncall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firebell.config.DurationParser;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallWarnings;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.ScheduleStatus;
import dev.firebell.oncall.ShiftWindow;
import dev.firebell.oncall.contact.NotificationRule;
import dev.firebell.oncall.contact.NotificationRules;
import dev.firebell.oncall.load.OnCallReload;
import dev.firebell.security.CalendarTokens.Feed;
import dev.firebell.web.Acting;
import dev.firebell.web.HttpProblem;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code GET /api/oncall}: who is on call now and next, the policies, and warnings. */
public final class OnCallApi {
  private final Rota rota;
  private final OnCallReload reload;
  private final CalendarFeedPage calendars;
  private final Clock clock;

  public OnCallApi(Rota rota, OnCallReload reload, CalendarFeedPage calendars, Clock clock) {
    this.rota = rota;
    this.reload = reload;
    this.calendars = calendars;
    this.clock = clock;
  }

  /** {@code GET /api/oncall[?at=TIME]}: who is on call now, or at any other time. */
  public void get(Context ctx) {
    Instant at = TimeParam.parse(ctx.queryParam("at"), "at", clock.instant());
    OnCall oncall = rota.current();
    List<ScheduleNow> schedules =
        oncall.schedules().values().stream()
            .sorted(Comparator.comparing(Schedule::id))
            .map(schedule -> scheduleNow(oncall, schedule, at))
            .toList();
    List<PolicyJson> policies =
        oncall.policies().values().stream()
            .sorted(Comparator.comparing(EscalationPolicy::id))
            .map(PolicyJson::of)
            .toList();
    List<PersonJson> people =
        oncall.people().values().stream()
            .sorted(Comparator.comparing(Person::id))
            .map(
                person ->
                    PersonJson.of(
                        person, calendars.urlFor(new Feed(Feed.Kind.PERSON, person.id()))))
            .toList();
    ctx.json(
        new Body(at, schedules, policies, people, OnCallWarnings.all(oncall, clock.instant())));
  }

  /** {@code POST /api/oncall/reload}: 200 with counts and warnings, or 422 with the error. */
  public void reload(Context ctx) {
    Acting.require(ctx, rota.current(), Role.ADMIN, "reloading the rota");
    OnCallReload.Result result = reload.reload();
    if (!result.applied()) {
      throw new HttpProblem(422, result.error(), "oncall.file");
    }
    ctx.json(result);
  }

  private ScheduleNow scheduleNow(OnCall oncall, Schedule schedule, Instant at) {
    ScheduleStatus status = ScheduleStatus.of(schedule, at);
    return new ScheduleNow(
        schedule.id(),
        schedule.timeZone().getId(),
        people(oncall, status.onCall()),
        status.until(),
        people(oncall, status.next()),
        calendars.urlFor(new Feed(Feed.Kind.SCHEDULE, schedule.id())),
        schedule.rotations().stream().map(RotationJson::of).toList());
  }

  private static List<PersonRef> people(OnCall oncall, List<String> ids) {
    return ids.stream().map(id -> new PersonRef(id, oncall.people().get(id).name())).toList();
  }

  record Body(
      Instant at,
      List<ScheduleNow> schedules,
      List<PolicyJson> escalationPolicies,
      List<PersonJson> people,
      List<String> warnings) {}

  record ScheduleNow(
      String id,
      String timeZone,
      List<PersonRef> onCall,
      Instant until,
      List<PersonRef> next,
      String calendarUrl,
      List<RotationJson> rotations) {}

  /** A rotation as oncall.yaml wrote it: its turns, its windows, its layer and its end. */
  record RotationJson(
      String start,
      String every,
      List<String> people,
      int priority,
      List<WindowJson> restrictions,
      String end) {
    static RotationJson of(Rotation rotation) {
      return new RotationJson(
          rotation.start().toString(),
          DurationParser.format(rotation.every()),
          rotation.people(),
          rotation.priority(),
          rotation.windows().stream().map(WindowJson::of).toList(),
          rotation.end() == null ? null : rotation.end().toString());
    }
  }

  record WindowJson(List<String> days, String from, String to) {
    static WindowJson of(ShiftWindow window) {
      return new WindowJson(
          window.days().stream()
              .sorted()
              .map(day -> day.name().substring(0, 3).toLowerCase(Locale.ROOT))
              .toList(),
          window.from().toString(),
          window.to().toString());
    }
  }

  /**
   * A person, their contacts by id and channel (never the address), and their notification rules
   * (null without rules: every contact is paged at once; an empty {@code low}: as {@code high}).
   */
  record PersonJson(
      String id,
      String name,
      String calendarUrl,
      List<ContactJson> contacts,
      @JsonProperty("notify") NotifyJson rules) {
    static PersonJson of(Person person, String calendarUrl) {
      NotificationRules rules = person.rules();
      return new PersonJson(
          person.id(),
          person.name(),
          calendarUrl,
          person.contacts().stream()
              .map(contact -> new ContactJson(contact.id(), contact.channel()))
              .toList(),
          rules.isEmpty()
              ? null
              : new NotifyJson(RuleJson.of(rules.high()), RuleJson.of(rules.low())));
    }
  }

  record ContactJson(String id, String type) {}

  record NotifyJson(List<RuleJson> high, List<RuleJson> low) {}

  record RuleJson(String contact, String after) {
    static List<RuleJson> of(List<NotificationRule> rules) {
      return rules.stream()
          .map(
              rule ->
                  new RuleJson(
                      rule.contactId(),
                      rule.after().isZero() ? "0s" : DurationParser.format(rule.after())))
          .toList();
    }
  }

  record PersonRef(String id, String name) {}

  record PolicyJson(String id, List<StepJson> steps, int repeat) {
    static PolicyJson of(EscalationPolicy policy) {
      return new PolicyJson(
          policy.id(),
          policy.steps().stream()
              .map(
                  step ->
                      new StepJson(
                          step.targets().stream().map(Object::toString).toList(),
                          DurationParser.format(step.escalateAfter())))
              .toList(),
          policy.repeat());
    }
  }

  record StepJson(List<String> targets, String escalateAfter) {}
}
