package dev.firebell.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.DurationParser;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import dev.firebell.upstream.Silences;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * {@code POST /api/incidents/{id}/silence} {@code {"by": "<person id>", "duration": "2h"}}: silence
 * the incident's alerts in their sender now, for {@code duration} (default and most: {@code
 * silences.maxDuration}). {@code 202} while the call goes out through the outbox.
 */
public final class SilenceApi {
  private static final Set<String> FIELDS = Set.of("by", "duration");

  private final Silences silences;
  private final Rota rota;
  private final ObjectMapper json;
  private final Clock clock;

  public SilenceApi(Silences silences, Rota rota, ObjectMapper json, Clock clock) {
    this.silences = silences;
    this.rota = rota;
    this.json = json;
    this.clock = clock;
  }

  public void silence(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    JsonBody body = JsonBody.parse(json, ctx.body(), FIELDS);
    String by =
        Acting.actor(ctx, body.text("by"), rota.current(), Role.RESPONDER, "silencing").personId();
    Duration duration = duration(body.text("duration"), silences.maxDuration());
    Silences.Asked asked = silences.silence(id, by, duration, clock.instant());
    if (asked == Silences.Asked.NOT_OPEN) {
      throw new HttpProblem(409, "incident " + id + " is resolved: nothing to silence", "id");
    }
    ctx.status(202).json(new Answer(asked.name().toLowerCase(), DurationParser.format(duration)));
  }

  /** A duration from {@code 1m} up to {@code max}; absent means {@code max}. */
  static Duration duration(String text, Duration max) {
    if (text == null) {
      return max;
    }
    Duration duration;
    try {
      duration = DurationParser.parse(text);
    } catch (IllegalArgumentException e) {
      throw new HttpProblem(400, "duration: " + e.getMessage(), "duration");
    }
    if (duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(max) > 0) {
      throw new HttpProblem(
          400, "duration must be between 1m and " + DurationParser.format(max), "duration");
    }
    return duration;
  }

  record Answer(String outcome, String duration) {}
}
