package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How loudly each severity pages. */
class SeverityConfigTest {

  @Test
  void theFirstTwoSeveritiesAreHighAndTheOthersLowByDefault() {
    SeverityConfig defaults = SeverityConfig.defaults();
    assertThat(defaults.urgencyFor("SEV-1")).isEqualTo(Urgency.HIGH);
    assertThat(defaults.urgencyFor("SEV-2")).isEqualTo(Urgency.HIGH);
    assertThat(defaults.urgencyFor("SEV-3")).isEqualTo(Urgency.LOW);
    assertThat(defaults.urgencyFor("SEV-4")).isEqualTo(Urgency.LOW);
  }

  @Test
  void aSeverityTheMapDoesNotNamePagesLoudly() {
    SeverityConfig config =
        new SeverityConfig(null, Map.of("page", "P1"), "P1", Map.of("P2", Urgency.LOW));
    assertThat(config.urgencyFor("P1")).isEqualTo(Urgency.HIGH);
    assertThat(config.urgencyFor("P2")).isEqualTo(Urgency.LOW);
  }

  @Test
  void urgencyIsReadInAnyCaseAndNothingElse() {
    assertThat(Urgency.parse("Low")).isEqualTo(Urgency.LOW);
    assertThat(Urgency.HIGH.wireName()).isEqualTo("high");
    assertThatThrownBy(() -> Urgency.parse("urgent"))
        .hasMessage("'urgent' is not an urgency (use high or low)");
  }
}
