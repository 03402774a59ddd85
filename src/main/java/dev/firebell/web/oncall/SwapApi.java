package dev.firebell.web.oncall;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.swap.ShiftSwaps;
import dev.firebell.oncall.swap.Swap;
import dev.firebell.oncall.swap.SwapRules;
import dev.firebell.web.Acting;
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
    String requester = body.text("requester") == null ? Acting.self(ctx) : body.text("requester");
    Acting.selfOrAdmin(ctx, oncall, Role.RESPONDER, "requesting cover", requester);
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

  /** The open requests, each with whom it asks (everyone else in the schedule's rotations). */
  public void list(Context ctx) {
    Schedule schedule = SchedulePaths.forRead(rota.current(), ctx);
    ctx.json(
        new Page(
            swaps.open(schedule.id()).stream()
                .map(swap -> SwapJson.of(swap, SwapRules.candidates(schedule, swap.requester())))
                .toList()));
  }

  /** {@code DELETE /api/schedules/{id}/swaps/{swapId}}: 204 and the people asked are told. */
  public void withdraw(Context ctx) {
    Schedule schedule = SchedulePaths.forChange(rota.current(), ctx);
    long swapId;
    try {
      swapId = Long.parseLong(ctx.pathParam("swapId"));
    } catch (NumberFormatException e) {
      throw new HttpProblem(404, "no request for cover " + ctx.pathParam("swapId"), "swapId");
    }
    Acting.selfOrAdmin(
        ctx,
        rota.current(),
        Role.RESPONDER,
        "withdrawing a request for cover",
        swaps.find(swapId).map(Swap::requester).orElse(null));
    if (!swaps.withdraw(schedule.id(), swapId)) {
      throw new HttpProblem(
          404, "no open request for cover " + swapId + " in " + schedule.id(), "swapId");
    }
    ctx.status(204);
  }

  record Page(List<SwapJson> swaps) {}

  /** A request for cover as the API shows it, with whom it asks. */
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
