package dev.firebell.incident.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.json.Json;
import java.util.List;

/** Converts the review between its stored form (JSON text) and records. */
public final class ReviewCodec {
  private static final ObjectMapper JSON = Json.mapper();
  private static final TypeReference<List<ActionItem>> ITEMS = new TypeReference<>() {};

  private ReviewCodec() {}

  public static IncidentReview read(ReviewRow row) {
    try {
      return new IncidentReview(
          row.summary(),
          row.impact() == null ? null : JSON.readValue(row.impact(), Impact.class),
          row.rootCause(),
          row.resolution(),
          row.detectionNotes(),
          row.actionItems() == null ? List.of() : JSON.readValue(row.actionItems(), ITEMS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored review is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  public static ReviewRow write(IncidentReview review) {
    try {
      return new ReviewRow(
          review.summary(),
          review.impact() == null || review.impact().isEmpty()
              ? null
              : JSON.writeValueAsString(review.impact()),
          review.rootCause(),
          review.resolution(),
          review.detectionNotes(),
          review.actionItems().isEmpty() ? null : JSON.writeValueAsString(review.actionItems()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("review could not be written", e);
    }
  }
}
