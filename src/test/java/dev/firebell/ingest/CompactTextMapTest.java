package dev.firebell.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A compact label map behaves as the ordered, read-only map it replaces. */
class CompactTextMapTest {
  private final Map<String, String> original = new LinkedHashMap<>();

  {
    original.put("job", "api");
    original.put("alertname", "HighLatency");
    original.put("empty", null);
  }

  private final Map<String, String> compact = CompactTextMap.of(original, UnaryOperator.identity());

  @Test
  void equalsAndHashesAsTheMapItCopies() {
    assertThat(compact).isEqualTo(original).hasSameHashCodeAs(original);
    assertThat(original).isEqualTo(compact);
    assertThat(compact).isNotEqualTo(Map.of("job", "api"));
  }

  @Test
  void keepsTheSendersOrderAndItsNulls() throws Exception {
    assertThat(compact.keySet()).containsExactly("job", "alertname", "empty");
    assertThat(compact.get("alertname")).isEqualTo("HighLatency");
    assertThat(compact.get("missing")).isNull();
    assertThat(compact.containsKey("empty")).isTrue();
    assertThat(compact.containsKey("missing")).isFalse();
    assertThat(Json.mapper().writeValueAsString(compact))
        .isEqualTo("{\"job\":\"api\",\"alertname\":\"HighLatency\",\"empty\":null}");
  }

  @Test
  void isReadOnly() {
    assertThatThrownBy(() -> compact.put("job", "web"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> compact.remove("job"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(compact).hasSize(3);
  }
}
