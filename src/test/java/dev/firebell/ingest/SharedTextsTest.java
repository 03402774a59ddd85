package dev.firebell.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser hands each body's alerts through {@link SharedTexts}: repeated texts are one copy. */
class SharedTextsTest {
  private final PayloadParser parser = new PayloadParser(Json.mapper());

  @Test
  void alertsWithTheSameLabelsShareOneReadOnlyCopy() {
    List<PayloadAlert> alerts =
        parse(
            alert("a1", "10.0.0.1", "{\"summary\":\"down\"}"),
            alert("a2", "10.0.0.1", "{\"summary\":\"down\"}"));
    PayloadAlert first = alerts.get(0);
    PayloadAlert second = alerts.get(1);

    assertThat(second.labels())
        .isSameAs(first.labels())
        .isEqualTo(Map.of("alertname", "HighLatency", "instance", "10.0.0.1", "job", "api"));
    assertThat(second.annotations()).isSameAs(first.annotations());
    assertThat(second.generatorURL()).isSameAs(first.generatorURL());
    assertThat(second.fingerprint()).isEqualTo("a2");
    assertThatThrownBy(() -> second.labels().put("instance", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void differentLabelSetsStayApartAndKeepTheirOrderButShareTheirRepeatedValues() {
    List<PayloadAlert> alerts = parse(alert("a1", "10.0.0.1", "{}"), alert("a2", "10.0.0.2", "{}"));
    PayloadAlert first = alerts.get(0);
    PayloadAlert second = alerts.get(1);

    assertThat(second.labels()).isNotSameAs(first.labels());
    assertThat(second.labels())
        .containsExactly(
            Map.entry("alertname", "HighLatency"),
            Map.entry("instance", "10.0.0.2"),
            Map.entry("job", "api"));
    assertThat(second.labels().get("alertname")).isSameAs(first.labels().get("alertname"));
    assertThat(second.annotations()).isEmpty();
  }

  private List<PayloadAlert> parse(String... alerts) {
    String body = "{\"version\":\"4\",\"alerts\":[" + String.join(",", alerts) + "]}";
    return parser.parse(body.getBytes(StandardCharsets.UTF_8)).alerts();
  }

  private static String alert(String fingerprint, String instance, String annotations) {
    return """
        {"status":"firing","labels":{"alertname":"HighLatency","instance":"%s","job":"api"},
         "annotations":%s,"startsAt":"2026-12-06T05:00:00Z",
         "generatorURL":"http://prometheus:9090/graph?g0.expr=up","fingerprint":"%s"}
        """
        .formatted(instance, annotations, fingerprint);
  }
}
