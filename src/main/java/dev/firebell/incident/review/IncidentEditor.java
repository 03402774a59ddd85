package dev.firebell.incident.review;

import dev.firebell.incident.Actor;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentNotFound;
import dev.firebell.incident.IncidentRepository;
import dev.firebell.incident.TimelineKind;
import dev.firebell.incident.TimelineRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/** Applies a person's field edits inside the caller's transaction, stamping each change. */
public final class IncidentEditor {
  private static final Map<String, String> LABELS =
      Map.of(
          "title", "title",
          "severity", "severity",
          "summary", "summary",
          "impact", "impact",
          "rootCause", "root cause",
          "resolution", "resolution",
          "detectionNotes", "detection notes",
          "actionItems", "action items");

  private final IncidentRepository repository;
  private final TimelineRepository timeline;

  private final ReviewRepository reviews;

  public IncidentEditor(Handle handle) {
    this.repository = new IncidentRepository(handle);
    this.reviews = new ReviewRepository(handle);
    this.timeline = new TimelineRepository(handle);
  }

  /** Returns the names of the fields that really changed. */
  @SuppressWarnings("unchecked")
  public List<String> edit(long id, Actor actor, FieldChanges changes, Instant now) {
    Incident incident = repository.findIncident(id).orElseThrow(() -> new IncidentNotFound(id));
    IncidentReview before = ReviewCodec.read(reviews.review(id));
    Map<String, Object> values = changes.values();
    String title = (String) values.getOrDefault("title", incident.title());
    String severity = (String) values.getOrDefault("severity", incident.severity());
    IncidentReview after =
        new IncidentReview(
            (String) values.getOrDefault("summary", before.summary()),
            (Impact) values.getOrDefault("impact", before.impact()),
            (String) values.getOrDefault("rootCause", before.rootCause()),
            (String) values.getOrDefault("resolution", before.resolution()),
            (String) values.getOrDefault("detectionNotes", before.detectionNotes()),
            values.containsKey("actionItems")
                ? Objects.requireNonNullElse(
                    (List<ActionItem>) values.get("actionItems"), List.of())
                : before.actionItems());
    List<String> changed =
        FieldChanges.FIELDS.stream()
            .filter(values::containsKey)
            .filter(
                field ->
                    !Objects.equals(
                        value(field, incident, before), value(field, title, severity, after)))
            .toList();
    if (changed.isEmpty()) {
      return changed;
    }
    reviews.updateFields(id, title, severity, ReviewCodec.write(after));
    for (String field : changed) {
      timeline.insertTimelineEntry(
          id,
          now,
          TimelineKind.FIELD_CHANGED,
          text(field, actor, incident, title, severity),
          actor.personId(),
          null);
    }
    return changed;
  }

  private static String text(
      String field, Actor actor, Incident incident, String title, String severity) {
    return switch (field) {
      case "title" -> "Title changed by " + actor.name() + " to \"" + title + "\"";
      case "severity" ->
          "Severity changed by "
              + actor.name()
              + " from "
              + incident.severity()
              + " to "
              + severity;
      default -> capitalized(LABELS.get(field)) + " edited by " + actor.name();
    };
  }

  private static Object value(String field, Incident incident, IncidentReview review) {
    return value(field, incident.title(), incident.severity(), review);
  }

  private static Object value(String field, String title, String severity, IncidentReview review) {
    return switch (field) {
      case "title" -> title;
      case "severity" -> severity;
      case "summary" -> review.summary();
      case "impact" -> review.impact();
      case "rootCause" -> review.rootCause();
      case "resolution" -> review.resolution();
      case "detectionNotes" -> review.detectionNotes();
      case "actionItems" -> review.actionItems();
      default -> throw new IllegalArgumentException("unknown field " + field);
    };
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
