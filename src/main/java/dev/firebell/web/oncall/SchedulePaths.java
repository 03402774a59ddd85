package dev.firebell.web.oncall;

import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Schedule;
import dev.firebell.web.HttpProblem;
import io.javalin.http.Context;

/**
 * The schedule named by {@code /api/schedules/{id}/…}. A request that creates something names an
 * unknown schedule as a bad field ({@code 400}); one that reads or removes gets {@code 404}.
 */
final class SchedulePaths {
  private SchedulePaths() {}

  /** For a POST: the schedule, or {@code 400} naming the field {@code schedule}. */
  static Schedule forChange(OnCall oncall, Context ctx) {
    return find(oncall, ctx, 400);
  }

  /** For a GET or DELETE: the schedule, or {@code 404}. */
  static Schedule forRead(OnCall oncall, Context ctx) {
    return find(oncall, ctx, 404);
  }

  private static Schedule find(OnCall oncall, Context ctx, int status) {
    String id = ctx.pathParam("id");
    Schedule schedule = oncall.schedules().get(id);
    if (schedule == null) {
      throw new HttpProblem(status, "unknown schedule '" + id + "'", "schedule");
    }
    return schedule;
  }
}
