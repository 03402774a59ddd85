package dev.firebell.web.oncall;

import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.Shift;
import dev.firebell.oncall.ShiftCalendar;
import dev.firebell.oncall.Shifts;
import dev.firebell.security.CalendarTokens;
import dev.firebell.security.CalendarTokens.Feed;
import dev.firebell.web.HttpProblem;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /calendar/<token>.ics}: a schedule's shifts, or one person's in every schedule, for
 * the next {@value #DAYS} days, overrides included. The signed token is the credential, as calendar
 * apps send no other; {@link #urlFor} makes the URLs the API and the on-call page list.
 */
public final class CalendarFeedPage {
  static final int DAYS = 90;

  private final CalendarTokens tokens;
  private final Rota rota;
  private final String publicUrl;
  private final Clock clock;

  public CalendarFeedPage(CalendarTokens tokens, Rota rota, String publicUrl, Clock clock) {
    this.tokens = tokens;
    this.rota = rota;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  public String urlFor(Feed feed) {
    return publicUrl + "/calendar/" + tokens.issue(feed) + ".ics";
  }

  public void show(Context ctx) {
    String file = ctx.pathParam("file");
    Optional<Feed> named =
        file.endsWith(".ics")
            ? tokens.verify(file.substring(0, file.length() - ".ics".length()))
            : Optional.empty();
    OnCall oncall = rota.current();
    if (named.isEmpty() || !exists(oncall, named.get())) {
      throw new HttpProblem(404, "no such calendar", "token");
    }
    Feed feed = named.get();
    Instant now = clock.instant();
    Instant until = now.plus(Duration.ofDays(DAYS));
    List<Shift> shifts;
    String title;
    if (feed.kind() == Feed.Kind.SCHEDULE) {
      Schedule schedule = oncall.schedules().get(feed.id());
      shifts = Shifts.between(schedule, now, until);
      title = "On call: " + schedule.id();
    } else {
      shifts = Shifts.ofPerson(oncall, feed.id(), now, until);
      title = "On call: " + oncall.person(feed.id()).orElseThrow().name();
    }
    ctx.contentType("text/calendar; charset=utf-8")
        .header("Cache-Control", "private, max-age=300")
        .result(ShiftCalendar.write(title, shifts, oncall, feed.kind() == Feed.Kind.PERSON, now));
  }

  private static boolean exists(OnCall oncall, Feed feed) {
    return feed.kind() == Feed.Kind.SCHEDULE
        ? oncall.schedules().containsKey(feed.id())
        : oncall.person(feed.id()).isPresent();
  }
}
