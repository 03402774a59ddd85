package dev.firebell.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Shifts cut from a rota, and the iCalendar feed written from them, read back with ical4j. */
class ShiftsTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Instant NOW = Instant.parse("2026-10-20T12:00:00Z");

  /** Weekly Monday 09:00 New York between tessa and sam; ana always on a second layer. */
  private static Schedule schedule(List<ScheduleOverride> overrides) {
    return new Schedule(
        "primary",
        NEW_YORK,
        List.of(
            new Rotation(
                LocalDateTime.parse("2026-01-05T09:00"),
                Duration.ofDays(7),
                List.of("tessa", "sam")),
            new Rotation(
                LocalDateTime.parse("2026-01-05T09:00"), Duration.ofDays(14), List.of("ana"))),
        overrides);
  }

  private static final ScheduleOverride KIM_FOR_SAM =
      new ScheduleOverride(
          4L,
          "kim",
          Instant.parse("2026-11-03T14:00:00Z"),
          Instant.parse("2026-11-04T14:00:00Z"),
          "sam",
          "dentist",
          "sam");

  private static OnCall oncall(Schedule schedule) {
    Map<String, Person> people = new java.util.HashMap<>();
    for (String id : List.of("tessa", "sam", "ana", "kim")) {
      people.put(id, new Person(id, id.substring(0, 1).toUpperCase() + id.substring(1), List.of()));
    }
    return new OnCall(people, Map.of("primary", schedule), Map.of(), List.of(), List.of());
  }

  @Test
  void theShiftInProgressKeepsItsRealStartAndAHandOffStartsANewOne() {
    List<Shift> shifts = Shifts.between(schedule(List.of()), NOW, NOW.plus(Duration.ofDays(7)));
    // 19 Oct 2026 09:00 EDT = 13:00Z began the week; the next hand-off is 26 Oct 13:00Z.
    Shift first = shifts.stream().filter(s -> s.person().equals("sam")).findFirst().orElseThrow();
    assertThat(first.from()).isEqualTo(Instant.parse("2026-10-19T13:00:00Z"));
    assertThat(first.to()).isEqualTo(Instant.parse("2026-10-26T13:00:00Z"));
    assertThat(shifts).extracting(Shift::person).contains("tessa", "ana");
  }

  @Test
  void handOffsKeepNineOClockAcrossTheAutumnChange() {
    // Clocks go back on 1 Nov 2026: the 2 Nov hand-off is 09:00 EST = 14:00Z.
    List<Shift> shifts =
        Shifts.startingBetween(
            schedule(List.of()),
            Instant.parse("2026-10-27T00:00:00Z"),
            Instant.parse("2026-11-03T00:00:00Z"));
    assertThat(shifts)
        .filteredOn(s -> s.person().equals("sam"))
        .extracting(Shift::from)
        .containsExactly(Instant.parse("2026-11-02T14:00:00Z"));
  }

  @Test
  void aReplaceOneOverrideCutsItsPersonsShiftAndLeavesTheOtherLayerWhole() {
    List<Shift> shifts =
        Shifts.between(
            schedule(List.of(KIM_FOR_SAM)),
            Instant.parse("2026-11-02T14:00:00Z"),
            Instant.parse("2026-11-09T14:00:00Z"));
    assertThat(shifts)
        .filteredOn(s -> s.person().equals("sam"))
        .extracting(Shift::from, Shift::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Instant.parse("2026-11-02T14:00:00Z"), Instant.parse("2026-11-03T14:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                Instant.parse("2026-11-04T14:00:00Z"), Instant.parse("2026-11-09T14:00:00Z")));
    Shift kim = shifts.stream().filter(s -> s.person().equals("kim")).findFirst().orElseThrow();
    assertThat(kim.via()).isEqualTo(KIM_FOR_SAM);
    assertThat(Shifts.handingOver(schedule(List.of(KIM_FOR_SAM)), kim))
        .containsExactly("sam", "ana");
    assertThat(shifts).filteredOn(s -> s.person().equals("ana")).hasSize(1);
  }

  @Test
  void theFeedHasOneTransparentEventPerShiftMatchingTheResolverHourByHourFor90Days()
      throws Exception {
    Schedule schedule = schedule(List.of(KIM_FOR_SAM));
    Instant until = NOW.plus(Duration.ofDays(90));
    String ics =
        ShiftCalendar.write(
            "On call: primary", Shifts.between(schedule, NOW, until), oncall(schedule), false, NOW);
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    calendar.validate();
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).isNotEmpty();
    List<String> uids = new ArrayList<>();
    List<Shift> parsed = new ArrayList<>();
    for (VEvent event : events) {
      assertThat(event.getProperty(Property.TRANSP).orElseThrow().getValue())
          .isEqualTo("TRANSPARENT");
      uids.add(event.getUid().orElseThrow().getValue());
      String summary = event.getSummary().getValue();
      String name = summary.substring("On call: ".length(), summary.indexOf(" ("));
      parsed.add(
          new Shift(
              "primary",
              name.toLowerCase(),
              Instant.from(event.getDateTimeStart().getDate()),
              Instant.from(event.getDateTimeEnd().getDate()),
              null));
    }
    assertThat(uids).doesNotHaveDuplicates();
    for (Instant at = NOW; at.isBefore(until); at = at.plus(Duration.ofHours(1))) {
      Instant hour = at;
      List<String> fromFeed =
          parsed.stream()
              .filter(s -> !hour.isBefore(s.from()) && hour.isBefore(s.to()))
              .map(Shift::person)
              .sorted()
              .toList();
      List<String> resolved = OnCallResolver.onCallAt(schedule, hour).stream().sorted().toList();
      assertThat(fromFeed).as("on call at %s", hour).isEqualTo(resolved);
    }
  }

  @Test
  void theSameShiftKeepsItsUidOnEveryFetch() throws Exception {
    Schedule schedule = schedule(List.of());
    String today =
        ShiftCalendar.write(
            "x",
            Shifts.between(schedule, NOW, NOW.plus(Duration.ofDays(90))),
            oncall(schedule),
            false,
            NOW);
    Instant later = NOW.plus(Duration.ofHours(30));
    String tomorrow =
        ShiftCalendar.write(
            "x",
            Shifts.between(schedule, later, later.plus(Duration.ofDays(90))),
            oncall(schedule),
            false,
            later);
    List<String> first = uids(today);
    assertThat(uids(tomorrow)).containsAll(first.subList(0, first.size() - 2));
  }

  private static List<String> uids(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    return calendar.<VEvent>getComponents("VEVENT").stream()
        .map(event -> event.getUid().orElseThrow().getValue())
        .toList();
  }
}
