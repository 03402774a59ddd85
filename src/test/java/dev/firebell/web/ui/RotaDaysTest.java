package dev.firebell.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.ShiftWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The on-call page's days name the rotation of each shift in a layered schedule. */
class RotaDaysTest {
  @Test
  void eachShiftOfALayeredScheduleSaysWhichRotationPutItsPersonOnCall() {
    Rotation allDay =
        new Rotation(LocalDateTime.parse("2026-11-30T00:00"), Duration.ofDays(7), List.of("sam"));
    Rotation businessHours =
        new Rotation(
            LocalDateTime.parse("2026-11-30T00:00"),
            Duration.ofDays(7),
            List.of("ana"),
            List.of(new ShiftWindow(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0))),
            1,
            null);
    Schedule schedule =
        new Schedule("sun", ZoneId.of("Europe/Berlin"), List.of(allDay, businessHours), List.of());
    OnCall oncall =
        new OnCall(
            Map.of(
                "sam", new Person("sam", "Sam", List.of()),
                "ana", new Person("ana", "Ana", List.of())),
            Map.of("sun", schedule),
            Map.of(),
            List.of(),
            List.of());

    List<Map<String, Object>> days =
        RotaDays.of(
            oncall, schedule, Instant.parse("2026-12-02T06:00:00Z"), 1, schedule.timeZone());

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> shifts = (List<Map<String, Object>>) days.get(0).get("shifts");
    assertThat(shifts)
        .extracting(
            shift ->
                shift.get("from")
                    + "-"
                    + shift.get("to")
                    + " "
                    + shift.get("who")
                    + " · "
                    + shift.get("rotation"))
        .containsExactly(
            "00:00-09:00 Sam · rotation 1",
            "09:00-17:00 Ana · rotation 2, priority 1",
            "17:00-24:00 Sam · rotation 1");
  }

  @Test
  void theDaysFollowTheViewersZone() {
    Schedule schedule =
        new Schedule(
            "nyc",
            ZoneId.of("America/New_York"),
            List.of(
                new Rotation(
                    LocalDateTime.parse("2026-11-30T09:00"), Duration.ofDays(1), List.of("sam"))),
            List.of());
    OnCall oncall =
        new OnCall(
            Map.of("sam", new Person("sam", "Sam", List.of())),
            Map.of("nyc", schedule),
            Map.of(),
            List.of(),
            List.of());
    // 09:00 in New York is 15:00 in Berlin: a Berlin viewer sees the hand-off at 15:00.
    List<Map<String, Object>> days =
        RotaDays.of(
            oncall, schedule, Instant.parse("2026-12-02T12:00:00Z"), 1, ZoneId.of("Europe/Berlin"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> shifts = (List<Map<String, Object>>) days.get(0).get("shifts");
    assertThat(shifts)
        .extracting(shift -> shift.get("from") + "-" + shift.get("to"))
        .containsExactly("00:00-15:00", "15:00-24:00");
  }
}
