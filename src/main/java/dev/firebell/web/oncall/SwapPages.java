package dev.firebell.web.oncall;

import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.swap.ShiftSwaps;
import dev.firebell.oncall.swap.Swap;
import dev.firebell.security.InvalidLink;
import dev.firebell.security.LinkAction;
import dev.firebell.security.LinkClaims;
import dev.firebell.security.LinkTokens;
import dev.firebell.web.LinkPages;
import dev.firebell.web.Pages;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /swap/<token>}, the "Take this shift" link in a request for cover: GET shows the shift and
 * a button (link scanners only GET, so they change nothing); POST takes it. The first press wins;
 * later ones, and presses after the window began, are told so.
 */
public final class SwapPages {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private final LinkTokens tokens;
  private final ShiftSwaps swaps;
  private final Rota rota;
  private final Pages pages;
  private final Clock clock;

  public SwapPages(LinkTokens tokens, ShiftSwaps swaps, Rota rota, Pages pages, Clock clock) {
    this.tokens = tokens;
    this.swaps = swaps;
    this.rota = rota;
    this.pages = pages;
    this.clock = clock;
  }

  public void show(Context ctx) {
    try {
      LinkClaims claims = claims(ctx);
      Swap swap = swap(claims);
      Map<String, Object> model = model(swap, claims);
      boolean open = swap.canBeTakenAt(clock.instant());
      model.put("open", open);
      model.put("outcome", open ? "" : closed(swap));
      pages.sendPrivate(ctx, 200, "swap.peb", model);
    } catch (InvalidLink e) {
      refuse(ctx, e);
    }
  }

  public void take(Context ctx) {
    try {
      LinkClaims claims = claims(ctx);
      Swap swap = swap(claims);
      ShiftSwaps.Taken taken = swaps.take(swap.id(), claims.personId());
      Map<String, Object> model = model(taken.swap(), claims);
      model.put("open", false);
      model.put(
          "outcome",
          taken.won() ? "You are on call for this shift now. Thank you!" : closed(taken.swap()));
      pages.sendPrivate(ctx, taken.won() ? 200 : 409, "swap.peb", model);
    } catch (InvalidLink e) {
      refuse(ctx, e);
    }
  }

  private LinkClaims claims(Context ctx) {
    LinkClaims claims =
        tokens.verify(ctx.pathParam("token"), LinkAction.TAKE_SHIFT, clock.instant());
    if (rota.current().person(claims.personId()).isEmpty()) {
      throw new InvalidLink(
          InvalidLink.Reason.FORGED, "this link's person is no longer in the on-call file");
    }
    return claims;
  }

  private Swap swap(LinkClaims claims) {
    return swaps
        .find(claims.incidentId())
        .orElseThrow(
            () ->
                new InvalidLink(
                    InvalidLink.Reason.FORGED, "this request for cover does not exist"));
  }

  private String closed(Swap swap) {
    if (Swap.TAKEN.equals(swap.status())) {
      String taker = rota.current().person(swap.takenBy()).map(Person::name).orElse(swap.takenBy());
      return "This shift was already taken by " + taker + ".";
    }
    return "This request for cover has ended: its shift has begun.";
  }

  private Map<String, Object> model(Swap swap, LinkClaims claims) {
    OnCall oncall = rota.current();
    Schedule schedule = oncall.schedules().get(swap.scheduleId());
    java.time.ZoneId zone = schedule == null ? java.time.ZoneOffset.UTC : schedule.timeZone();
    Map<String, Object> model = new HashMap<>();
    model.put("schedule", swap.scheduleId());
    model.put(
        "window",
        WHEN.format(swap.from().atZone(zone))
            + " – "
            + WHEN.format(swap.to().atZone(zone))
            + " ("
            + zone
            + ")");
    model.put(
        "requester", oncall.person(swap.requester()).map(Person::name).orElse(swap.requester()));
    model.put("reason", swap.reason());
    model.put(
        "person", oncall.person(claims.personId()).map(Person::name).orElse(claims.personId()));
    return model;
  }

  private void refuse(Context ctx, InvalidLink e) {
    LinkPages.refuse(pages, ctx, e);
  }
}
