package dev.firebell.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnCallResolverTest {
  private static final ZoneId DENVER = ZoneId.of("America/Denver");

  private static Schedule weekly(List<ScheduleOverride> overrides) {
    Rotation rotation =
        new Rotation(
            LocalDateTime.parse("2026-01-05T09:00"), Duration.ofDays(7), List.of("tessa", "sam"));
    return new Schedule("primary", DENVER, List.of(rotation), overrides);
  }

  @Test
  void weeklyHandOffKeepsNineOClockAcrossTheSpringDaylightSavingChange() {
    Schedule schedule = weekly(List.of());
    // Mon 2 Mar 2026 09:00 MST (UTC-7) = 16:00Z: hand-off 8, tessa's turn.
    assertOnCall(schedule, "2026-03-02T15:59:59Z", "sam");
    assertOnCall(schedule, "2026-03-02T16:00:00Z", "tessa");
    // Clocks go forward on 8 March. Mon 9 Mar 09:00 MDT (UTC-6) = 15:00Z, not 16:00Z.
    assertOnCall(schedule, "2026-03-09T14:59:59Z", "tessa");
    assertOnCall(schedule, "2026-03-09T15:00:00Z", "sam");
    assertThat(OnCallResolver.nextChange(schedule, Instant.parse("2026-03-05T00:00:00Z")))
        .contains(Instant.parse("2026-03-09T15:00:00Z"));
  }

  private static void assertOnCall(Schedule schedule, String at, String person) {
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse(at))).as(at).containsExactly(person);
  }

  @Test
  void weeklyHandOffKeepsNineOClockAcrossTheAutumnChange() {
    Schedule schedule = weekly(List.of());
    // Clocks go back on 1 November. Mon 2 Nov 2026 09:00 MST = 16:00Z.
    Instant handOff = Instant.parse("2026-11-02T16:00:00Z");
    List<String> before = OnCallResolver.onCallAt(schedule, handOff.minusSeconds(1));
    List<String> after = OnCallResolver.onCallAt(schedule, handOff);
    assertThat(before).isNotEqualTo(after);
    assertThat(OnCallResolver.nextChange(schedule, Instant.parse("2026-10-30T00:00:00Z")))
        .contains(handOff);
  }

  @Test
  void nobodyIsOnCallBeforeTheRotationStarts() {
    assertThat(OnCallResolver.onCallAt(weekly(List.of()), Instant.parse("2026-01-05T15:59:00Z")))
        .isEmpty();
    assertThat(OnCallResolver.onCallAt(weekly(List.of()), Instant.parse("2026-01-05T16:00:00Z")))
        .containsExactly("tessa");
  }

  @Test
  void anOverrideReplacesTheRotationForItsWindow() {
    // 21 Dec 2026 hand-off gives tessa the week; sam covers Christmas.
    Schedule schedule =
        weekly(
            List.of(
                ScheduleOverride.configured(
                    "sam",
                    Instant.parse("2026-12-24T16:00:00Z"),
                    Instant.parse("2026-12-26T16:00:00Z"))));
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-12-24T15:59:00Z")))
        .containsExactly("tessa");
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-12-24T16:00:00Z")))
        .containsExactly("sam");
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-12-26T16:00:00Z")))
        .containsExactly("tessa");
    assertThat(OnCallResolver.nextChange(schedule, Instant.parse("2026-12-24T12:00:00Z")))
        .contains(Instant.parse("2026-12-24T16:00:00Z"));
  }

  @Test
  void twelveHourShiftsFollowTheWallClock() {
    Rotation shifts =
        new Rotation(
            LocalDateTime.parse("2026-03-07T08:00"), Duration.ofHours(12), List.of("day", "night"));
    Schedule schedule = new Schedule("ops", DENVER, List.of(shifts), List.of());
    // 8 March 08:00 MDT = 14:00Z is the day shift's start after the change.
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-03-08T13:59:00Z")))
        .containsExactly("night");
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-03-08T14:00:00Z")))
        .containsExactly("day");
  }

  @Test
  void stepTargetsResolveToPeopleOnceEach() {
    Schedule schedule = weekly(List.of());
    OnCall oncall =
        new OnCall(
            java.util.Map.of(),
            java.util.Map.of("primary", schedule),
            java.util.Map.of(),
            List.of(),
            List.of());
    EscalationStep step =
        new EscalationStep(
            List.of(
                new Target(Target.Kind.SCHEDULE, "primary"),
                new Target(Target.Kind.PERSON, "tessa"),
                new Target(Target.Kind.PERSON, "sam")),
            Duration.ofMinutes(5));
    assertThat(OnCallResolver.peopleFor(step, oncall, Instant.parse("2026-01-06T00:00:00Z")))
        .containsExactly("tessa", "sam");
  }

  @Test
  void twoRotationsPutBothOfTheirPeopleOnCall() {
    Schedule schedule =
        utc(
            List.of(
                weeklyRotation(List.of("tessa", "sam")),
                new Rotation(MONDAY, Duration.ofDays(1), List.of("ana", "tessa"))),
            List.of());
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-01-05T10:00:00Z")))
        .containsExactly("tessa", "ana");
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-01-06T10:00:00Z")))
        .as("one person on both rotations is on call once")
        .containsExactly("tessa");
  }

  @Test
  void theNextChangeIsTheNextHandOffOrOverrideEdge() {
    Schedule schedule =
        utc(List.of(weeklyRotation(List.of("tessa", "sam"))), List.of(ANA_OVERRIDE));
    assertThat(OnCallResolver.nextChange(schedule, Instant.parse("2026-01-06T00:00:00Z")))
        .contains(Instant.parse("2026-01-07T12:00:00Z"));
    assertThat(OnCallResolver.nextChange(schedule, Instant.parse("2026-01-07T13:00:00Z")))
        .contains(Instant.parse("2026-01-08T12:00:00Z"));
    assertThat(OnCallResolver.nextChange(schedule, Instant.parse("2026-01-09T00:00:00Z")))
        .contains(Instant.parse("2026-01-12T09:00:00Z"));
  }

  @Test
  void anOverrideEndsAtItsToAndTheRotationResumes() {
    Schedule schedule = utc(List.of(weeklyRotation(List.of("tessa"))), List.of(ANA_OVERRIDE));
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-01-08T11:59:59Z")))
        .containsExactly("ana");
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-01-08T12:00:00Z")))
        .containsExactly("tessa");
  }

  private static final LocalDateTime MONDAY = LocalDateTime.parse("2026-01-05T09:00");
  private static final ScheduleOverride ANA_OVERRIDE =
      ScheduleOverride.configured(
          "ana", Instant.parse("2026-01-07T12:00:00Z"), Instant.parse("2026-01-08T12:00:00Z"));

  private static Rotation weeklyRotation(List<String> people) {
    return new Rotation(MONDAY, Duration.ofDays(7), people);
  }

  private static Schedule utc(List<Rotation> rotations, List<ScheduleOverride> overrides) {
    return new Schedule("primary", ZoneId.of("UTC"), rotations, overrides);
  }
}
