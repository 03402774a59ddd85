package dev.firebell.web.oncall;

import dev.firebell.oncall.FinalSchedule;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Schedule;
import dev.firebell.web.HttpProblem;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/schedules/{id}/shifts?from=…&to=…}: the schedule's final schedule, who is on call
 * when after windows, layers and overrides; from now for 14 days by default, 93 days at most.
 */
public final class ShiftsApi {
  static final Duration DEFAULT_WINDOW = Duration.ofDays(14);
  static final Duration MAX_WINDOW = Duration.ofDays(93);

  private final Rota rota;
  private final Clock clock;

  public ShiftsApi(Rota rota, Clock clock) {
    this.rota = rota;
    this.clock = clock;
  }

  public void list(Context ctx) {
    OnCall oncall = rota.current();
    Schedule schedule = SchedulePaths.forRead(oncall, ctx);
    Instant from = TimeParam.parse(ctx.queryParam("from"), "from", clock.instant());
    Instant to = TimeParam.parse(ctx.queryParam("to"), "to", from.plus(DEFAULT_WINDOW));
    if (!to.isAfter(from)) {
      throw new HttpProblem(400, "to must be after from", "to");
    }
    if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
      throw new HttpProblem(400, "from and to may be at most 93 days apart", "to");
    }
    List<ShiftJson> shifts =
        FinalSchedule.between(schedule, from, to).stream()
            .map(
                piece ->
                    new ShiftJson(
                        piece.person(),
                        oncall.person(piece.person()).map(Person::name).orElse(piece.person()),
                        piece.start(),
                        piece.end(),
                        piece.source().name().toLowerCase(Locale.ROOT)))
            .toList();
    ctx.json(new Body(schedule.id(), schedule.timeZone().getId(), shifts));
  }

  record Body(String schedule, String timeZone, List<ShiftJson> shifts) {}

  record ShiftJson(String person, String name, Instant start, Instant end, String source) {}
}
