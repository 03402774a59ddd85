package dev.firebell.importer.grafanaoncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.json.Json;
import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.ShiftWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OnCall shifts as rotations, and what cannot be said exactly. */
class ShiftMappingTest {
  private static final Map<String, String> PEOPLE =
      Map.of("U1", "ana", "U2", "ben", "U3", "cai", "U4", "dan");

  @Test
  void aWeeklyShiftOnWeekdaysIsARotationWithDayWindowsAtItsLevel() {
    ShiftMapping.Mapped mapped =
        ShiftMapping.map(
            shift(
                "\"frequency\": \"weekly\", \"interval\": 1, \"duration\": 28800, \"level\": 2,"
                    + " \"by_day\": [\"MO\", \"FR\"], \"rolling_users\": [[\"U1\"], [\"U2\"]]"),
            PEOPLE);
    assertThat(mapped.approximation()).isNull();
    Rotation rotation = mapped.rotations().get(0);
    assertThat(rotation.every()).isEqualTo(Duration.ofDays(7));
    assertThat(rotation.priority()).isEqualTo(2);
    assertThat(rotation.windows())
        .containsExactly(
            new ShiftWindow(
                Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0),
                LocalTime.of(17, 0)));
  }

  @Test
  void groupsOfTwoAreTwoRotationsTurningInStepFromTheStartIndex() {
    ShiftMapping.Mapped mapped =
        ShiftMapping.map(
            shift(
                "\"frequency\": \"daily\", \"interval\": 1, \"duration\": 86400,"
                    + " \"start_rotation_from_user_index\": 1,"
                    + " \"rolling_users\": [[\"U1\", \"U2\"], [\"U3\", \"U4\"]]"),
            PEOPLE);
    assertThat(mapped.rotations())
        .extracting(Rotation::people)
        .containsExactly(java.util.List.of("cai", "ana"), java.util.List.of("dan", "ben"));
  }

  @Test
  void whatFirebellCannotSayExactlyIsNamed() {
    assertThat(
            ShiftMapping.map(
                    shift(
                        "\"frequency\": \"daily\", \"interval\": 1, \"duration\": 28800,"
                            + " \"by_day\": [\"MO\", \"TU\"], \"rolling_users\": [[\"U1\"], [\"U2\"]]"),
                    PEOPLE)
                .approximation())
        .startsWith("OnCall hands a daily shift on only on its days");
    assertThat(
            ShiftMapping.map(
                    shift(
                        "\"frequency\": \"daily\", \"interval\": 2, \"duration\": 28800,"
                            + " \"rolling_users\": [[\"U1\"]]"),
                    PEOPLE)
                .approximation())
        .isEqualTo(
            "a daily shift every 2 lasting 28800 s is on call for its whole turn in Firebell");
    assertThat(
            ShiftMapping.map(
                    shift(
                        "\"frequency\": \"weekly\", \"interval\": 1, \"duration\": 604800,"
                            + " \"rolling_users\": [[\"U1\", \"U2\"], [\"U3\"]]"),
                    PEOPLE)
                .approximation())
        .isEqualTo("its user groups differ in size; each group's first member is on call");
    assertThatThrownBy(
            () ->
                ShiftMapping.map(
                    shift("\"frequency\": \"monthly\", \"duration\": 3600, \"users\": [\"U1\"]"),
                    PEOPLE))
        .hasMessage("a shift repeating 'monthly'");
    assertThatThrownBy(
            () ->
                ShiftMapping.map(
                    shift("\"frequency\": \"daily\", \"duration\": 3600, \"users\": [\"U9\"]"),
                    PEOPLE))
        .hasMessage("a shift with user U9, who was not imported");
  }

  private static JsonNode shift(String fields) {
    try {
      return Json.mapper()
          .readTree(
              "{\"type\": \"rolling_users\", \"start\": \"2027-01-04T09:00:00\", " + fields + "}");
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
