package dev.firebell.oncall.swap;

import dev.firebell.channel.Notice;
import dev.firebell.channel.PageMessage;
import dev.firebell.notify.Notices;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.ScheduleOverride;
import dev.firebell.oncall.ShiftText;
import dev.firebell.oncall.override.Overrides;
import dev.firebell.security.LinkAction;
import dev.firebell.security.LinkTokens;
import dev.firebell.store.Repositories;
import dev.firebell.store.UniqueViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shift swaps: a person asks for cover; everyone else in the schedule's rotations gets a notice
 * with a signed "Take this shift" link; the first to take it becomes an override that replaces the
 * requester for the window, and both are told. A request nobody took lapses when its window begins,
 * and the requester is told they are still on call. Callers check requests with {@link SwapRules}
 * first.
 */
public final class ShiftSwaps {
  private static final Logger log = LoggerFactory.getLogger(ShiftSwaps.class);

  private final Jdbi jdbi;
  private final Rota rota;
  private final Overrides overrides;
  private final Notices notices;
  private final LinkTokens tokens;
  private final String publicUrl;
  private final Clock clock;

  public ShiftSwaps(
      Jdbi jdbi,
      Rota rota,
      Overrides overrides,
      Notices notices,
      LinkTokens tokens,
      String publicUrl,
      Clock clock) {
    this.jdbi = jdbi;
    this.rota = rota;
    this.overrides = overrides;
    this.notices = notices;
    this.tokens = tokens;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /** What a request did: the request, and whom it asked. */
  public record Requested(Swap swap, List<String> asked) {}

  /** Stores a checked request and asks everyone else in the schedule's rotations, at once. */
  public Requested request(
      String scheduleId, String requester, Instant from, Instant to, String reason) {
    OnCall oncall = rota.current();
    Schedule schedule = oncall.schedules().get(scheduleId);
    List<String> asked = SwapRules.candidates(schedule, requester);
    Instant now = clock.instant();
    Swap swap =
        jdbi.inTransaction(
            handle -> {
              SwapRepository swaps = new SwapRepository(handle);
              long id = swaps.insert(scheduleId, requester, from, to, reason, now);
              Swap stored = swaps.find(id).orElseThrow();
              for (String candidate : asked) {
                oncall
                    .person(candidate)
                    .ifPresent(
                        person ->
                            notices.queue(
                                handle,
                                "cover-request:" + id,
                                person,
                                requestNotice(oncall, schedule, stored, person),
                                now));
              }
              return stored;
            });
    log.info(
        "schedule {}: {} asked {} for cover, swap #{}", scheduleId, requester, asked, swap.id());
    return new Requested(swap, asked);
  }

  public Optional<Swap> find(long id) {
    return Repositories.with(jdbi, SwapRepository::new, r -> r.find(id));
  }

  public List<Swap> open(String scheduleId) {
    Instant now = clock.instant();
    return Repositories.with(jdbi, SwapRepository::new, r -> r.open(scheduleId, now));
  }

  /** What pressing "Take this shift" did. */
  public record Taken(boolean won, Swap swap) {}

  /**
   * {@code taker} takes the request: in one transaction the request is claimed (the first press
   * wins), the override written and both people told. A later press gets {@code won == false}.
   */
  public Taken take(long swapId, String takerId) {
    Instant now = clock.instant();
    OnCall oncall = rota.current();
    Taken taken =
        jdbi.inTransaction(
            handle -> {
              SwapRepository swaps = new SwapRepository(handle);
              if (swaps.take(swapId, takerId, now) == 0) {
                return new Taken(false, swaps.find(swapId).orElseThrow());
              }
              Swap swap = swaps.find(swapId).orElseThrow();
              ScheduleOverride override =
                  overrides.add(
                      handle,
                      swap.scheduleId(),
                      new ScheduleOverride(
                          null,
                          takerId,
                          swap.from(),
                          swap.to(),
                          swap.requester(),
                          "covering "
                              + ShiftText.name(oncall, swap.requester())
                              + reasonSuffix(swap),
                          takerId));
              swaps.linkOverride(swapId, override.id());
              tellBoth(handle, oncall, swap, takerId, now);
              return new Taken(true, swaps.find(swapId).orElseThrow());
            });
    if (taken.won()) {
      rota.overridesChanged();
      log.info("swap #{}: {} takes the shift of {}", swapId, takerId, taken.swap().requester());
    }
    return taken;
  }

  /**
   * The requester no longer needs cover: an open request of {@code scheduleId} is withdrawn and
   * everyone it asked is told, in one transaction. False when it is not open (taken, expired,
   * withdrawn already, or another schedule's).
   */
  public boolean withdraw(String scheduleId, long swapId) {
    Instant now = clock.instant();
    OnCall oncall = rota.current();
    boolean withdrawn =
        jdbi.inTransaction(
            handle -> {
              SwapRepository swaps = new SwapRepository(handle);
              Optional<Swap> found = swaps.find(swapId);
              if (found.isEmpty() || swaps.withdraw(scheduleId, swapId) == 0) {
                return false;
              }
              Swap swap = found.get();
              Schedule schedule = oncall.schedules().get(scheduleId);
              String window = ShiftText.window(swap.from(), swap.to(), schedule.timeZone());
              String requester = ShiftText.name(oncall, swap.requester());
              for (String asked : SwapRules.candidates(schedule, swap.requester())) {
                tell(
                    handle,
                    oncall,
                    asked,
                    "cover-withdrawn:" + swapId,
                    notice(
                        Notice.COVER_WITHDRAWN,
                        requester + " no longer needs cover: " + window,
                        requester
                            + " withdrew the request for cover in "
                            + scheduleId
                            + ", "
                            + window
                            + ". Nothing to take.",
                        schedule,
                        swap,
                        null,
                        null),
                    now);
              }
              return true;
            });
    if (withdrawn) {
      log.info("swap #{}: withdrawn by its requester", swapId);
    }
    return withdrawn;
  }

  /** The scheduled pass: requests whose window began untaken lapse, and their requester is told. */
  public void expireLapsed() {
    Instant now = clock.instant();
    OnCall oncall = rota.current();
    for (Swap swap : Repositories.with(jdbi, SwapRepository::new, r -> r.lapsed(now))) {
      try {
        jdbi.useTransaction(handle -> expire(handle, oncall, swap, now));
      } catch (JdbiException e) {
        if (!UniqueViolation.is(e)) {
          log.error("swap #{} could not be expired; retrying at the next pass", swap.id(), e);
        }
      }
    }
  }

  private void expire(Handle handle, OnCall oncall, Swap swap, Instant now) {
    if (new SwapRepository(handle).expire(swap.id()) == 0) {
      return;
    }
    Schedule schedule = oncall.schedules().get(swap.scheduleId());
    if (schedule != null) {
      String window = ShiftText.window(swap.from(), swap.to(), schedule.timeZone());
      tell(
          handle,
          oncall,
          swap.requester(),
          "cover-expired:" + swap.id(),
          notice(
              Notice.COVER_EXPIRED,
              "Nobody took your shift: you are still on call, " + window,
              "Nobody took your request for cover in "
                  + swap.scheduleId()
                  + ", "
                  + window
                  + ". You are still on call.",
              schedule,
              swap,
              null,
              null),
          now);
    }
    log.info("swap #{}: nobody took it before its window began", swap.id());
  }

  private void tellBoth(Handle handle, OnCall oncall, Swap swap, String takerId, Instant now) {
    Schedule schedule = oncall.schedules().get(swap.scheduleId());
    String where =
        swap.scheduleId() + ", " + ShiftText.window(swap.from(), swap.to(), schedule.timeZone());
    String taker = ShiftText.name(oncall, takerId);
    String requester = ShiftText.name(oncall, swap.requester());
    tell(
        handle,
        oncall,
        swap.requester(),
        "cover-taken:" + swap.id(),
        notice(
            Notice.COVER_TAKEN,
            taker + " takes your shift: " + where,
            taker + " is on call instead of you in " + where + ".",
            schedule,
            swap,
            null,
            null),
        now);
    tell(
        handle,
        oncall,
        takerId,
        "cover-taken:" + swap.id(),
        notice(
            Notice.COVER_TAKEN,
            "You took " + requester + "'s shift: " + where,
            "You are on call instead of " + requester + " in " + where + ".",
            schedule,
            swap,
            null,
            null),
        now);
  }

  /** Queues a notice for a person still in the on-call file (one who left gets nothing). */
  private void tell(
      Handle handle, OnCall oncall, String personId, String onceKey, Notice notice, Instant now) {
    oncall
        .person(personId)
        .ifPresent(person -> notices.queue(handle, onceKey, person, notice, now));
  }

  private Notice requestNotice(OnCall oncall, Schedule schedule, Swap swap, Person candidate) {
    String window = ShiftText.window(swap.from(), swap.to(), schedule.timeZone());
    String requester = ShiftText.name(oncall, swap.requester());
    String link =
        publicUrl
            + "/"
            + LinkAction.TAKE_SHIFT.path()
            + "/"
            + tokens.issueUntil(swap.id(), candidate.id(), LinkAction.TAKE_SHIFT, swap.from());
    return notice(
        Notice.COVER_REQUEST,
        requester + " asks for cover: " + swap.scheduleId() + ", " + window,
        requester
            + " asks someone to take their shift in "
            + swap.scheduleId()
            + ", "
            + window
            + reasonSuffix(swap)
            + ". The first to take it is on call instead.",
        schedule,
        swap,
        "Take this shift",
        link);
  }

  private Notice notice(
      String kind,
      String title,
      String text,
      Schedule schedule,
      Swap swap,
      String actionLabel,
      String actionUrl) {
    return new Notice(
        kind,
        title,
        text,
        new PageMessage.Recipient("", ""),
        schedule.id(),
        swap.from(),
        swap.to(),
        List.of(),
        publicUrl + "/oncall",
        actionLabel,
        actionUrl);
  }

  private static String reasonSuffix(Swap swap) {
    return swap.reason() == null || swap.reason().isBlank() ? "" : " (" + swap.reason() + ")";
  }
}
