package dev.firebell.incident.review;

import java.util.List;
import java.util.Map;

/**
 * The fields a PATCH sets, by name; a field present with a null value clears it. Values are already
 * checked: {@code title}, {@code severity} and the text fields are strings, {@code impact} an
 * {@link Impact}, {@code actionItems} a list of {@link ActionItem}.
 */
public record FieldChanges(Map<String, Object> values) {
  public static final List<String> FIELDS =
      List.of(
          "title",
          "severity",
          "summary",
          "impact",
          "rootCause",
          "resolution",
          "detectionNotes",
          "actionItems");
}
