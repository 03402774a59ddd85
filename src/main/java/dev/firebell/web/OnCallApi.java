package dev.firebell.web;

import dev.firebell.config.DurationParser;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallWarnings;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.ScheduleStatus;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@code GET /api/oncall}: who is on call now and next, the policies, and warnings. */
public final class OnCallApi {
  private final OnCall oncall;
  private final Clock clock;

  public OnCallApi(OnCall oncall, Clock clock) {
    this.oncall = oncall;
    this.clock = clock;
  }

  public void get(Context ctx) {
    Instant now = clock.instant();
    List<ScheduleNow> schedules =
        oncall.schedules().values().stream()
            .sorted(Comparator.comparing(Schedule::id))
            .map(schedule -> scheduleNow(schedule, now))
            .toList();
    List<PolicyJson> policies =
        oncall.policies().values().stream()
            .sorted(Comparator.comparing(EscalationPolicy::id))
            .map(PolicyJson::of)
            .toList();
    ctx.json(new Body(schedules, policies, OnCallWarnings.all(oncall, now)));
  }

  private ScheduleNow scheduleNow(Schedule schedule, Instant now) {
    ScheduleStatus status = ScheduleStatus.of(schedule, now);
    return new ScheduleNow(
        schedule.id(),
        schedule.timeZone().getId(),
        people(status.onCall()),
        status.until(),
        people(status.next()));
  }

  private List<PersonRef> people(List<String> ids) {
    return ids.stream().map(id -> new PersonRef(id, oncall.people().get(id).name())).toList();
  }

  record Body(
      List<ScheduleNow> schedules, List<PolicyJson> escalationPolicies, List<String> warnings) {}

  record ScheduleNow(
      String id, String timeZone, List<PersonRef> onCall, Instant until, List<PersonRef> next) {}

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
