package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonColumnsTest {
  private static final String LABELS =
      "{\"job\":\"api\",\"nested\":{\"alertname\":\"Inner\"},\"alertname\":\"HighLatency\"}";

  @Test
  void oneLabelIsReadAsTheWholeMapWouldGiveIt() {
    assertThat(JsonColumns.readField(LABELS, "alertname"))
        .isEqualTo("HighLatency")
        .isEqualTo(
            JsonColumns.readMap("{\"job\":\"api\",\"alertname\":\"HighLatency\"}")
                .get("alertname"));
    assertThat(JsonColumns.readField(LABELS, "job")).isEqualTo("api");
  }

  @Test
  void anAbsentLabelOrColumnIsNull() {
    assertThat(JsonColumns.readField(LABELS, "severity")).isNull();
    assertThat(JsonColumns.readField("{}", "alertname")).isNull();
    assertThat(JsonColumns.readField(null, "alertname")).isNull();
  }

  @Test
  void unreadableTextSaysSo() {
    assertThatThrownBy(() -> JsonColumns.readField("[\"alertname\"]", "alertname"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stored JSON is unreadable");
    assertThatThrownBy(() -> JsonColumns.readField("{\"job\":", "alertname"))
        .isInstanceOf(IllegalStateException.class);
  }
}
