package dev.firebell.web.oncall;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.swap.ShiftSwaps;
import dev.firebell.oncall.swap.Swap;
import dev.firebell.oncall.swap.SwapRules;
import dev.firebell.web.HttpProblem;
import dev.firebell.web.JsonBody;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/schedules/{id}/swaps} {@code {requester, from, to, reason}}: ask everyone else
 * in the schedule's rotations to take a window; {@code GET} lists the open requests.
 */
public final class SwapApi {
  private static final Set<String> FIELDS = Set.of("requester", "from", "to", "reason");

  private final ShiftSwaps swaps;
  private final Rota rota;
  private final ObjectMapper json;
  private final Clock clock;

  public SwapApi(ShiftSwaps swaps, Rota rota, ObjectMapper json, Clock clock) {
    this.swaps = swaps;
    this.rota = rota;
    this.json = json;
    this.clock = clock;
  }

  public void request(Context ctx) {
    OnCall oncall = rota.current();
    Schedule schedule = SchedulePaths.forChange(oncall, ctx);
    String scheduleId = schedule.id();
    JsonBody body = JsonBody.parse(json, ctx.body(), FIELDS);
    String requester = body.text("requester");
    Instant from = body.instantIn("from", schedule.timeZone());
    Instant to = body.instantIn("to", schedule.timeZone());
    SwapRules.check(oncall, scheduleId, requester, from, to, clock.instant())
        .ifPresent(
            problem -> {
              throw new HttpProblem(400, problem.message(), problem.field());
            });
    ShiftSwaps.Requested requested =
        swaps.request(scheduleId, requester, from, to, body.text("reason"));
    ctx.status(201).json(SwapJson.of(requested.swap(), requested.asked()));
  }

  public void list(Context ctx) {
    String scheduleId = SchedulePaths.forRead(rota.current(), ctx).id();
    ctx.json(
        new Page(swaps.open(scheduleId).stream().map(swap -> SwapJson.of(swap, null)).toList()));
  }

  record Page(List<SwapJson> swaps) {}

  /** A request for cover as the API shows it; {@code asked} only in the answer to a request. */
  record SwapJson(
      long id,
      String schedule,
      String requester,
      Instant from,
      Instant to,
      String reason,
      String status,
      String takenBy,
      Long overrideId,
      List<String> asked) {
    static SwapJson of(Swap swap, List<String> asked) {
      return new SwapJson(
          swap.id(),
          swap.scheduleId(),
          swap.requester(),
          swap.from(),
          swap.to(),
          swap.reason(),
          swap.status().toLowerCase(),
          swap.takenBy(),
          swap.overrideId(),
          asked);
    }
  }
}
