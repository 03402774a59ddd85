package dev.firebell.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runtime overrides over rotations: replace-all against replace-one, boundaries, clock changes. */
class RuntimeOverridesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Daily 09:00 Berlin hand-offs between tessa and sam, and ana always on a second layer. */
  private static Schedule twoLayers(List<ScheduleOverride> overrides) {
    return new Schedule(
        "primary",
        BERLIN,
        List.of(
            new Rotation(
                LocalDateTime.parse("2026-03-23T09:00"),
                Duration.ofDays(1),
                List.of("tessa", "sam")),
            new Rotation(
                LocalDateTime.parse("2026-03-23T09:00"), Duration.ofDays(7), List.of("ana"))),
        overrides);
  }

  private static ScheduleOverride runtime(
      long id, String person, String from, String to, String replaces) {
    return new ScheduleOverride(
        id, person, Instant.parse(from), Instant.parse(to), replaces, "cover", "tessa");
  }

  @Test
  void withoutReplacesThePersonIsAloneOnCall() {
    Schedule schedule =
        twoLayers(List.of(runtime(1, "kim", "2026-03-24T10:00:00Z", "2026-03-24T12:00:00Z", null)));
    assertThat(OnCallResolver.whoAt(schedule, Instant.parse("2026-03-24T11:00:00Z")))
        .extracting(OnDuty::person)
        .containsExactly("kim");
  }

  @Test
  void withReplacesOnlyThatPersonsTimeIsTaken() {
    // 24 March from 09:00 CET (08:00Z) is sam's day; kim takes it, ana stays.
    Schedule schedule =
        twoLayers(
            List.of(runtime(1, "kim", "2026-03-24T10:00:00Z", "2026-03-24T12:00:00Z", "sam")));
    List<OnDuty> duty = OnCallResolver.whoAt(schedule, Instant.parse("2026-03-24T11:00:00Z"));
    assertThat(duty).extracting(OnDuty::person).containsExactly("kim", "ana");
    assertThat(duty.get(0).via().id()).isEqualTo(1L);
    assertThat(duty.get(1).via()).isNull();
  }

  @Test
  void replacingSomeoneNotOnCallChangesNothing() {
    Schedule schedule =
        twoLayers(
            List.of(runtime(1, "kim", "2026-03-24T10:00:00Z", "2026-03-24T12:00:00Z", "tessa")));
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-03-24T11:00:00Z")))
        .containsExactly("sam", "ana");
  }

  @Test
  void aReplaceOneOverrideSpanningAHandOffCoversOnlyItsPersonsPart() {
    // 23 March is tessa's day, 24 March sam's; kim replaces tessa over the 08:00Z hand-off.
    Schedule schedule =
        twoLayers(
            List.of(runtime(1, "kim", "2026-03-24T06:00:00Z", "2026-03-24T10:00:00Z", "tessa")));
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-03-24T07:59:59Z")))
        .containsExactly("kim", "ana");
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-03-24T08:00:00Z")))
        .containsExactly("sam", "ana");
  }

  @Test
  void aLaterOverrideAppliesOverAnEarlierOne() {
    Schedule schedule =
        twoLayers(
            List.of(
                runtime(1, "kim", "2026-03-24T10:00:00Z", "2026-03-24T14:00:00Z", null),
                runtime(2, "lee", "2026-03-24T11:00:00Z", "2026-03-24T12:00:00Z", "kim")));
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-03-24T11:30:00Z")))
        .containsExactly("lee");
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-03-24T12:30:00Z")))
        .containsExactly("kim");
  }

  @Test
  void anOverrideAcrossTheSpringChangeEndsAtItsInstant() {
    // Berlin moves from UTC+1 to UTC+2 on 29 March 2026 at 02:00 local. An override from 28
    // March 20:00 to 29 March 20:00 local lasts 23 hours.
    Instant from = LocalDateTime.parse("2026-03-28T20:00").atZone(BERLIN).toInstant();
    Instant to = LocalDateTime.parse("2026-03-29T20:00").atZone(BERLIN).toInstant();
    assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(23));
    Schedule schedule =
        twoLayers(List.of(new ScheduleOverride(3L, "kim", from, to, null, null, null)));
    assertThat(OnCallResolver.onCallAt(schedule, to.minusSeconds(1))).containsExactly("kim");
    assertThat(OnCallResolver.onCallAt(schedule, to)).doesNotContain("kim");
    // The 09:00 hand-off on 30 March is at 07:00Z (summer time), not 08:00Z.
    assertThat(OnCallResolver.nextChange(schedule, to))
        .contains(Instant.parse("2026-03-30T07:00:00Z"));
  }

  @Test
  void theFirstConfiguredOverrideStillWinsAmongConfiguredOnes() {
    Schedule schedule =
        twoLayers(
            List.of(
                ScheduleOverride.configured(
                    "kim",
                    Instant.parse("2026-03-24T10:00:00Z"),
                    Instant.parse("2026-03-24T14:00:00Z")),
                ScheduleOverride.configured(
                    "lee",
                    Instant.parse("2026-03-24T10:00:00Z"),
                    Instant.parse("2026-03-24T14:00:00Z"))));
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse("2026-03-24T11:00:00Z")))
        .containsExactly("kim");
  }

  @Test
  void overridesForNamesTheOverrideThatPutSomeoneOnCall() {
    Schedule schedule =
        twoLayers(
            List.of(runtime(7, "kim", "2026-03-24T10:00:00Z", "2026-03-24T12:00:00Z", "sam")));
    OnCall oncall =
        new OnCall(
            java.util.Map.of(),
            java.util.Map.of("primary", schedule),
            java.util.Map.of(),
            List.of(),
            List.of());
    EscalationStep step =
        new EscalationStep(
            List.of(new Target(Target.Kind.SCHEDULE, "primary")), Duration.ofMinutes(5));
    assertThat(OnCallResolver.overridesFor(step, oncall, Instant.parse("2026-03-24T11:00:00Z")))
        .containsOnlyKeys("kim");
    assertThat(
            OnCallResolver.overridesFor(step, oncall, Instant.parse("2026-03-24T11:00:00Z"))
                .get("kim")
                .describe())
        .isEqualTo("override #7 by tessa (cover)");
  }
}
