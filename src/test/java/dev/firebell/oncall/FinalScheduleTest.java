package dev.firebell.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.oncall.FinalSchedule.Piece;
import dev.firebell.oncall.FinalSchedule.Source;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The final schedule at fixed instants: cut to the window, merged, overrides named as such. */
class FinalScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void aPersonsTurnsInARowAreOnePieceCutToTheWindow() {
    Schedule alone =
        new Schedule(
            "primary",
            BERLIN,
            List.of(
                new Rotation(
                    LocalDateTime.parse("2026-01-05T09:00"), Duration.ofDays(1), List.of("ana"))),
            List.of());
    assertThat(FinalSchedule.between(alone, at("2026-12-01T00:00:00Z"), at("2026-12-08T00:00:00Z")))
        .containsExactly(
            new Piece(
                "ana", at("2026-12-01T00:00:00Z"), at("2026-12-08T00:00:00Z"), Source.ROTATION));
  }

  @Test
  void windowsLayersAndOverridesGiveEachPieceItsSource() {
    Schedule layered =
        new Schedule(
            "primary",
            BERLIN,
            List.of(
                new Rotation(
                    LocalDateTime.parse("2026-01-05T00:00"),
                    Duration.ofDays(7),
                    List.of("ana"),
                    List.of(),
                    0,
                    null),
                new Rotation(
                    LocalDateTime.parse("2026-01-05T00:00"),
                    Duration.ofDays(7),
                    List.of("tessa"),
                    List.of(
                        new ShiftWindow(
                            Set.of(DayOfWeek.FRIDAY),
                            LocalTime.parse("09:00"),
                            LocalTime.parse("17:00"))),
                    1,
                    null)),
            List.of(
                ScheduleOverride.configured(
                    "sam", at("2026-12-04T12:00:00Z"), at("2026-12-04T13:00:00Z"))));
    // Friday 4 December 2026, CET (UTC+1).
    assertThat(
            FinalSchedule.between(layered, at("2026-12-04T00:00:00Z"), at("2026-12-05T00:00:00Z")))
        .containsExactly(
            new Piece(
                "ana", at("2026-12-04T00:00:00Z"), at("2026-12-04T08:00:00Z"), Source.ROTATION),
            new Piece(
                "tessa", at("2026-12-04T08:00:00Z"), at("2026-12-04T12:00:00Z"), Source.ROTATION),
            new Piece(
                "sam", at("2026-12-04T12:00:00Z"), at("2026-12-04T13:00:00Z"), Source.OVERRIDE),
            new Piece(
                "tessa", at("2026-12-04T13:00:00Z"), at("2026-12-04T16:00:00Z"), Source.ROTATION),
            new Piece(
                "ana", at("2026-12-04T16:00:00Z"), at("2026-12-05T00:00:00Z"), Source.ROTATION));
  }

  private static Instant at(String text) {
    return Instant.parse(text);
  }
}
