package dev.firebell.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedTextsTest {
  private final SharedTexts shared = new SharedTexts();

  @Test
  void alertsWithTheSameLabelsShareOneReadOnlyCopy() {
    PayloadAlert first = shared.share(alert("a1", labels("10.0.0.1"), Map.of("summary", "down")));
    PayloadAlert second = shared.share(alert("a2", labels("10.0.0.1"), Map.of("summary", "down")));

    assertThat(second.labels()).isSameAs(first.labels()).isEqualTo(labels("10.0.0.1"));
    assertThat(second.annotations()).isSameAs(first.annotations());
    assertThat(second.generatorURL()).isSameAs(first.generatorURL());
    assertThat(second.fingerprint()).isEqualTo("a2");
    assertThatThrownBy(() -> second.labels().put("instance", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void differentLabelSetsStayApartAndKeepTheirOrderButShareTheirRepeatedValues() {
    PayloadAlert first = shared.share(alert("a1", labels("10.0.0.1"), Map.of()));
    PayloadAlert second = shared.share(alert("a2", labels("10.0.0.2"), Map.of()));

    assertThat(second.labels()).isNotSameAs(first.labels());
    assertThat(second.labels())
        .containsExactly(
            Map.entry("alertname", "HighLatency"),
            Map.entry("instance", "10.0.0.2"),
            Map.entry("job", "api"));
    assertThat(second.labels().get("alertname")).isSameAs(first.labels().get("alertname"));
    assertThat(second.annotations()).isEmpty();
  }

  private static Map<String, String> labels(String instance) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", new String("HighLatency"));
    labels.put("instance", instance);
    labels.put("job", new String("api"));
    return labels;
  }

  private static PayloadAlert alert(
      String fingerprint, Map<String, String> labels, Map<String, String> annotations) {
    return new PayloadAlert(
        "firing",
        labels,
        new LinkedHashMap<>(annotations),
        "2026-12-06T05:00:00Z",
        null,
        new String("http://prometheus:9090/graph?g0.expr=up"),
        fingerprint,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
