package dev.firebell.oncall;

import dev.firebell.security.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Shifts as an iCalendar feed (RFC 5545): one event per shift, with a {@code UID} that stays the
 * same for the same shift on every fetch and every instance, and {@code TRANSP:TRANSPARENT} so a
 * week on call does not show as a busy week in Outlook or Google Calendar. Times are in UTC, which
 * every client shows in its own zone.
 */
public final class ShiftCalendar {
  private ShiftCalendar() {}

  /** {@code title} names the feed; a per-person feed names the schedule in each event. */
  public static String write(
      String title, List<Shift> shifts, OnCall oncall, boolean perPerson, Instant now) {
    Calendar calendar = new Calendar();
    calendar.add(new net.fortuna.ical4j.model.property.ProdId("-//Firebell//On call//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new XProperty("X-WR-CALNAME", title));
    for (Shift shift : shifts) {
      VEvent event = new VEvent(false);
      event.add(new Uid(uid(shift)));
      event.add(new DtStamp(now));
      event.add(new DtStart<>(shift.from()));
      event.add(new DtEnd<>(shift.to()));
      String person = oncall.person(shift.person()).map(Person::name).orElse(shift.person());
      event.add(
          new Summary(
              perPerson
                  ? "On call: " + shift.scheduleId()
                  : "On call: " + person + " (" + shift.scheduleId() + ")"));
      event.add(new Description(description(shift, person)));
      event.add(ImmutableTransp.TRANSPARENT);
      calendar.add(event);
    }
    return calendar.toString();
  }

  private static String description(Shift shift, String person) {
    String who = person + " is on call in schedule " + shift.scheduleId();
    return shift.via() == null ? who + "." : who + " through " + shift.via().describe() + ".";
  }

  /** The shift's key, hashed so that ids of any length make a UID of one length. */
  static String uid(Shift shift) {
    byte[] digest = Hashing.sha256(shift.key().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16) + "@firebell";
  }
}
