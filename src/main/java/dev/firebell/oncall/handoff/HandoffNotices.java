package dev.firebell.oncall.handoff;

import dev.firebell.channel.Notice;
import dev.firebell.channel.PageMessage;
import dev.firebell.notify.Notices;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.Shift;
import dev.firebell.oncall.ShiftText;
import dev.firebell.oncall.Shifts;
import dev.firebell.store.UniqueViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people their shift begins: when it starts and, with {@code oncall.handoffNotice}, that long
 * before. Run once a minute; each notice is claimed in the database by its shift's key, so it goes
 * out once however many instances run. A shift that began more than {@link #LATE} ago (the server
 * was down) gets no notice: it would come too late to help.
 */
public final class HandoffNotices {
  private static final Logger log = LoggerFactory.getLogger(HandoffNotices.class);
  static final Duration LATE = Duration.ofMinutes(10);

  private final Jdbi jdbi;
  private final Rota rota;
  private final Notices notices;
  private final Duration ahead;
  private final String publicUrl;
  private final Clock clock;

  /** {@code ahead} is {@code oncall.handoffNotice}, or null for a notice at the start only. */
  public HandoffNotices(
      Jdbi jdbi, Rota rota, Notices notices, Duration ahead, String publicUrl, Clock clock) {
    this.jdbi = jdbi;
    this.rota = rota;
    this.notices = notices;
    this.ahead = ahead;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /** The scheduled pass. */
  public void run() {
    run(clock.instant());
  }

  /** Queues the notices due at {@code now}; returns how many shifts were announced. */
  public int run(Instant now) {
    OnCall oncall = rota.current();
    int announced = 0;
    for (Schedule schedule : oncall.schedules().values()) {
      for (Shift shift : Shifts.startingBetween(schedule, now.minus(LATE), now.plusNanos(1_000))) {
        announced += announce(oncall, schedule, shift, "handoff:", false, now);
      }
      if (ahead != null) {
        Instant soon = now.plus(ahead);
        for (Shift shift :
            Shifts.startingBetween(schedule, soon.minus(LATE), soon.plusNanos(1_000))) {
          announced += announce(oncall, schedule, shift, "handoff-ahead:", true, now);
        }
      }
    }
    return announced;
  }

  private int announce(
      OnCall oncall, Schedule schedule, Shift shift, String prefix, boolean early, Instant now) {
    Person person = oncall.person(shift.person()).orElse(null);
    if (person == null) {
      return 0;
    }
    Notice notice = notice(oncall, schedule, shift, person, early);
    try {
      jdbi.useTransaction(
          handle -> notices.queue(handle, prefix + shift.key(), person, notice, now));
      log.info("schedule {}: told {} their shift {}", schedule.id(), person.id(), notice.title());
      return 1;
    } catch (JdbiException e) {
      if (UniqueViolation.is(e)) {
        return 0; // this instance or another told them already
      }
      // Tried again at the next pass, while the shift is still within LATE of its start.
      log.error(
          "schedule {}: the hand-off notice to {} could not be queued",
          schedule.id(),
          person.id(),
          e);
      return 0;
    }
  }

  private Notice notice(
      OnCall oncall, Schedule schedule, Shift shift, Person person, boolean early) {
    List<String> handingOver = ShiftText.names(oncall, Shifts.handingOver(schedule, shift));
    String window = ShiftText.window(shift.from(), shift.to(), schedule.timeZone());
    String title =
        (early ? "Your shift begins soon: " : "You are on call now: ")
            + schedule.id()
            + ", "
            + window;
    String text =
        "Your shift in schedule "
            + schedule.id()
            + " runs "
            + window
            + "."
            + (handingOver.isEmpty()
                ? ""
                : " " + ShiftText.joined(handingOver) + " hands over to you.")
            + (shift.via() == null
                ? ""
                : " You are on call through " + shift.via().describe() + ".");
    return new Notice(
        Notice.HANDOFF,
        title,
        text,
        new PageMessage.Recipient(person.id(), person.name()),
        schedule.id(),
        shift.from(),
        shift.to(),
        handingOver,
        publicUrl + "/oncall",
        null,
        null);
  }
}
