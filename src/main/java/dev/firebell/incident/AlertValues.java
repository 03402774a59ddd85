package dev.firebell.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

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
}
