package dev.firebell.incident.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AlertValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aHigherValueRaisesThePeakAndALowerOneDoesNot() throws Exception {
    JsonNode peak = JSON.readTree("{\"B\": 20, \"C\": 1}");
    assertThat(AlertValues.raisedPeak(peak, JSON.readTree("{\"B\": 35, \"C\": 0}")))
        .isEqualTo(JSON.readTree("{\"B\": 35, \"C\": 1}"));
    assertThat(AlertValues.raisedPeak(peak, JSON.readTree("{\"B\": 12, \"C\": 1}"))).isNull();
    assertThat(AlertValues.raisedPeak(null, JSON.readTree("{\"B\": 3}")))
        .isEqualTo(JSON.readTree("{\"B\": 3}"));
    assertThat(AlertValues.raisedPeak(peak, JSON.readTree("{\"note\": \"text\"}"))).isNull();
  }

  @Test
  void raisedAboveListsOnlyTheValuesThatRoseAfterFiring() throws Exception {
    JsonNode fired = JSON.readTree("{\"A\": 7, \"B\": 20}");
    assertThat(AlertValues.raisedAbove(JSON.readTree("{\"A\": 7, \"B\": 35}"), fired))
        .isEqualTo(JSON.readTree("{\"B\": 35}"));
    assertThat(AlertValues.raisedAbove(fired, fired)).isNull();
    assertThat(AlertValues.format(JSON.readTree("{\"B\": 35}"), null)).isEqualTo("B=35");
  }
}
