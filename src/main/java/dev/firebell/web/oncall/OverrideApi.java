package dev.firebell.web.oncall;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.ScheduleOverride;
import dev.firebell.oncall.override.OverrideRules;
import dev.firebell.oncall.override.Overrides;
import dev.firebell.web.Acting;
import dev.firebell.web.HttpProblem;
import dev.firebell.web.JsonBody;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/schedules/{id}/overrides} {@code {person, from, to, replaces, reason, by}},
 * {@code GET} (running and ahead) and {@code DELETE /api/schedules/{id}/overrides/{overrideId}}.
 */
public final class OverrideApi {
  private static final Set<String> FIELDS =
      Set.of("person", "from", "to", "replaces", "reason", "by");

  private final Overrides overrides;
  private final Rota rota;
  private final ObjectMapper json;
  private final Clock clock;

  public OverrideApi(Overrides overrides, Rota rota, ObjectMapper json, Clock clock) {
    this.overrides = overrides;
    this.rota = rota;
    this.json = json;
    this.clock = clock;
  }

  public void add(Context ctx) {
    OnCall oncall = rota.current();
    Schedule schedule = SchedulePaths.forChange(oncall, ctx);
    String scheduleId = schedule.id();
    JsonBody body = JsonBody.parse(json, ctx.body(), FIELDS);
    Acting.selfOrAdmin(
        ctx,
        oncall,
        Role.RESPONDER,
        "adding an override",
        body.text("person"),
        body.text("replaces"));
    ScheduleOverride request =
        new ScheduleOverride(
            null,
            body.text("person"),
            body.instantIn("from", schedule.timeZone()),
            body.instantIn("to", schedule.timeZone()),
            body.text("replaces"),
            body.text("reason"),
            body.text("by") == null ? Acting.self(ctx) : body.text("by"));
    check(oncall, scheduleId, request, clock.instant());
    ctx.status(201).json(OverrideJson.of(scheduleId, overrides.add(scheduleId, request)));
  }

  /**
   * Turns the first rule a request breaks into a 400 naming its field, or a 409 when it clashes
   * with an override already there.
   */
  static void check(OnCall oncall, String scheduleId, ScheduleOverride request, Instant now) {
    OverrideRules.check(oncall, scheduleId, request, now)
        .ifPresent(
            problem -> {
              throw new HttpProblem(
                  problem.conflict() ? 409 : 400, problem.message(), problem.field());
            });
  }

  public void list(Context ctx) {
    String scheduleId = knownSchedule(ctx);
    ctx.json(
        new Page(
            overrides.upcoming(scheduleId).stream()
                .map(override -> OverrideJson.of(scheduleId, override))
                .toList()));
  }

  public void remove(Context ctx) {
    String scheduleId = knownSchedule(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("overrideId"));
    } catch (NumberFormatException e) {
      throw new HttpProblem(404, "no override " + ctx.pathParam("overrideId"), "overrideId");
    }
    ScheduleOverride existing =
        overrides.upcoming(scheduleId).stream()
            .filter(override -> override.id() != null && override.id() == id)
            .findFirst()
            .orElse(null);
    Acting.selfOrAdmin(
        ctx,
        rota.current(),
        Role.RESPONDER,
        "removing an override",
        existing == null ? null : existing.person(),
        existing == null ? null : existing.replaces());
    if (!overrides.remove(scheduleId, id)) {
      throw new HttpProblem(
          404, "schedule '" + scheduleId + "' has no override " + id, "overrideId");
    }
    ctx.status(204);
  }

  private String knownSchedule(Context ctx) {
    return SchedulePaths.forRead(rota.current(), ctx).id();
  }

  record Page(List<OverrideJson> overrides) {}

  /** An override as the API shows it. */
  record OverrideJson(
      long id,
      String schedule,
      String person,
      Instant from,
      Instant to,
      String replaces,
      String reason,
      String by) {
    static OverrideJson of(String schedule, ScheduleOverride override) {
      return new OverrideJson(
          override.id(),
          schedule,
          override.person(),
          override.from(),
          override.to(),
          override.replaces(),
          override.reason(),
          override.by());
    }
  }
}
