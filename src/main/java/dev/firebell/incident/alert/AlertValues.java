package dev.firebell.incident.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The values Grafana sent with an alert, as people read them: {@code A=1, B=44.2}. */
public final class AlertValues {
  private AlertValues() {}

  /** Grafana's {@code values}, else its {@code valueString}, else empty. */
  public static String format(JsonNode values, String valueString) {
    if (values != null && values.isObject() && !values.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      values.fields().forEachRemaining(field -> pairs.add(field.getKey() + "=" + field.getValue()));
      return String.join(", ", pairs);
    }
    return valueString == null ? "" : valueString.strip();
  }

  /** Only the numeric values, or null when there are none. */
  public static ObjectNode numbers(JsonNode values) {
    if (values == null || !values.isObject()) {
      return null;
    }
    ObjectNode numbers = JsonNodeFactory.instance.objectNode();
    values
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isNumber()) {
                numbers.set(field.getKey(), field.getValue());
              }
            });
    return numbers.isEmpty() ? null : numbers;
  }

  static boolean hasNumbers(JsonNode values) {
    return numbers(values) != null;
  }

  /**
   * The highest value seen per name, or null when {@code incoming} raises none of {@code peak}: a
   * firing alert that reports a higher value than before raises its peak.
   */
  static ObjectNode raisedPeak(JsonNode peak, JsonNode incoming) {
    ObjectNode numbers = numbers(incoming);
    if (numbers == null) {
      return null;
    }
    ObjectNode merged = peak != null && peak.isObject() ? ((ObjectNode) peak).deepCopy() : null;
    if (merged == null) {
      return numbers;
    }
    boolean raised = false;
    for (Map.Entry<String, JsonNode> field : numbers.properties()) {
      JsonNode known = merged.get(field.getKey());
      if (known == null
          || !known.isNumber()
          || field.getValue().decimalValue().compareTo(known.decimalValue()) > 0) {
        merged.set(field.getKey(), field.getValue());
        raised = true;
      }
    }
    return raised ? merged : null;
  }

  /** The peak values that are higher than the ones fired with, or null when none is. */
  public static ObjectNode raisedAbove(JsonNode peak, JsonNode fired) {
    ObjectNode numbers = numbers(peak);
    if (numbers == null) {
      return null;
    }
    ObjectNode raised = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : numbers.properties()) {
      JsonNode first = fired == null ? null : fired.get(field.getKey());
      if (first == null
          || !first.isNumber()
          || field.getValue().decimalValue().compareTo(first.decimalValue()) > 0) {
        raised.set(field.getKey(), field.getValue());
      }
    }
    return raised.isEmpty() ? null : raised;
  }
}
