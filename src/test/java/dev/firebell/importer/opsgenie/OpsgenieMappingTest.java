package dev.firebell.importer.opsgenie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.json.Json;
import dev.firebell.oncall.LabelMatcher;
import dev.firebell.oncall.ShiftWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Opsgenie's time restrictions, routing conditions and delays, mapped without a server. */
class OpsgenieMappingTest {
  @Test
  void aTimeOfDayRestrictionIsOneWindowEveryDay() {
    assertThat(
            OpsgenieRestrictions.windows(
                json(
                    "{\"type\": \"time-of-day\", \"restriction\": {\"startHour\": 22,"
                        + " \"startMin\": 30, \"endHour\": 6, \"endMin\": 0}}")))
        .containsExactly(new ShiftWindow(Set.of(), LocalTime.of(22, 30), LocalTime.of(6, 0)));
  }

  @Test
  void weekdayRangesBecomeTheDayWindowsThatCoverThemExactly() {
    JsonNode restriction =
        json(
            "{\"type\": \"weekday-and-time-of-day\", \"restrictions\": ["
                + "{\"startDay\": \"monday\", \"startHour\": 8, \"startMin\": 0,"
                + " \"endDay\": \"tuesday\", \"endHour\": 18, \"endMin\": 30},"
                + "{\"startDay\": \"thursday\", \"startHour\": 9, \"startMin\": 0,"
                + " \"endDay\": \"thursday\", \"endHour\": 17, \"endMin\": 0}]}");
    assertThat(OpsgenieRestrictions.windows(restriction))
        .containsExactly(
            new ShiftWindow(Set.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.MIDNIGHT),
            new ShiftWindow(Set.of(DayOfWeek.TUESDAY), LocalTime.MIDNIGHT, LocalTime.of(18, 30)),
            new ShiftWindow(Set.of(DayOfWeek.THURSDAY), LocalTime.of(9, 0), LocalTime.of(17, 0)));
  }

  @Test
  void aRangeEndingWhereItStartsCoversTheWholeWeek() {
    JsonNode restriction =
        json(
            "{\"type\": \"weekday-and-time-of-day\", \"restrictions\": [{\"startDay\":"
                + " \"sunday\", \"startHour\": 12, \"startMin\": 0, \"endDay\": \"sunday\","
                + " \"endHour\": 12, \"endMin\": 0}]}");
    assertThat(OpsgenieRestrictions.windows(restriction))
        .containsExactly(
            new ShiftWindow(Set.of(DayOfWeek.SUNDAY), LocalTime.NOON, LocalTime.MIDNIGHT),
            new ShiftWindow(
                Set.of(
                    DayOfWeek.MONDAY,
                    DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY,
                    DayOfWeek.SATURDAY),
                LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT),
            new ShiftWindow(Set.of(DayOfWeek.SUNDAY), LocalTime.MIDNIGHT, LocalTime.NOON));
  }

  @Test
  void badRestrictionsAreRefusedNamingThem() {
    assertThatThrownBy(() -> OpsgenieRestrictions.windows(json("{\"type\": \"monthly\"}")))
        .hasMessage("a time restriction of type 'monthly'");
    assertThatThrownBy(
            () ->
                OpsgenieRestrictions.windows(
                    json(
                        "{\"type\": \"weekday-and-time-of-day\", \"restrictions\": [{\"startDay\":"
                            + " \"funday\", \"startHour\": 1, \"endDay\": \"monday\","
                            + " \"endHour\": 2}]}")))
        .hasMessage("a time restriction on day 'funday'");
  }

  @Test
  void conditionsOnExtraPropertiesBecomeLabelMatchers() {
    assertThat(matcher("equals", "checkout", false)).contains("service=\"checkout\"");
    assertThat(matcher("equals", "staging", true)).contains("service!=\"staging\"");
    assertThat(matcher("matches", "web|api", false)).contains("service=~\"web|api\"");
    assertThat(matcher("contains", "pay.v2", false)).contains("service=~\".*pay\\\\.v2.*\"");
    assertThat(matcher("starts-with", "db", true)).contains("service!~\"db.*\"");
    assertThat(matcher("greater-than", "3", false)).isEmpty();
    assertThat(
            OpsgenieImport.matcher(
                json(
                    "{\"field\": \"message\", \"operation\": \"contains\", \"expectedValue\": \"x\"}")))
        .isEmpty();
    LabelMatcher contains =
        OpsgenieImport.matcher(
                json(
                    "{\"field\": \"extra-properties\", \"key\": \"service\", \"operation\":"
                        + " \"contains\", \"expectedValue\": \"pay.v2\"}"))
            .orElseThrow();
    assertThat(contains.matches(Map.of("service", "new-pay.v2-eu"))).isTrue();
    assertThat(contains.matches(Map.of("service", "new-payXv2-eu"))).isFalse();
  }

  @Test
  void delaysAreReadInTheirUnit() {
    assertThat(OpsgenieImport.delay(json("{\"timeAmount\": 5}"))).isEqualTo(Duration.ofMinutes(5));
    assertThat(OpsgenieImport.delay(json("{\"timeAmount\": 2, \"timeUnit\": \"hours\"}")))
        .isEqualTo(Duration.ofHours(2));
  }

  private static Optional<String> matcher(String operation, String value, boolean not) {
    return OpsgenieImport.matcher(
            json(
                "{\"field\": \"extra-properties\", \"key\": \"service\", \"not\": "
                    + not
                    + ", \"operation\": \""
                    + operation
                    + "\", \"expectedValue\": \""
                    + value
                    + "\"}"))
        .map(LabelMatcher::text);
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
