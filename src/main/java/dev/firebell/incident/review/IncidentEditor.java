package dev.firebell.incident.review;

import dev.firebell.incident.Actor;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentNotFound;
import dev.firebell.incident.IncidentRepository;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.incident.timeline.TimelineRepository;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/** Applies a person's checked edit inside the caller's transaction, stamping each change. */
public final class IncidentEditor {
  private final IncidentRepository repository;
  private final ReviewRepository reviews;
  private final TimelineRepository timeline;

  public IncidentEditor(Handle handle) {
    this.repository = new IncidentRepository(handle);
    this.reviews = new ReviewRepository(handle);
    this.timeline = new TimelineRepository(handle);
  }

  /** Returns the API names of the fields that really changed. */
  public List<String> edit(long id, Actor actor, IncidentEdit edit, Instant now) {
    Incident incident = repository.findIncident(id).orElseThrow(() -> new IncidentNotFound(id));
    IncidentReview before = ReviewCodec.read(reviews.review(id));
    String title = edit.sets(EditField.TITLE) ? edit.title() : incident.title();
    String severity = edit.sets(EditField.SEVERITY) ? edit.severity() : incident.severity();
    IncidentReview after =
        new IncidentReview(
            edit.sets(EditField.SUMMARY) ? edit.summary() : before.summary(),
            edit.sets(EditField.IMPACT) ? counted(edit.impact()) : before.impact(),
            edit.sets(EditField.ROOT_CAUSE) ? edit.rootCause() : before.rootCause(),
            edit.sets(EditField.RESOLUTION) ? edit.resolution() : before.resolution(),
            edit.sets(EditField.DETECTION_NOTES) ? edit.detectionNotes() : before.detectionNotes(),
            edit.sets(EditField.ACTION_ITEMS) ? edit.actionItems() : before.actionItems());
    List<EditField> changed =
        Arrays.stream(EditField.values())
            .filter(edit::sets)
            .filter(
                field ->
                    !Objects.equals(
                        value(field, incident.title(), incident.severity(), before),
                        value(field, title, severity, after)))
            .toList();
    if (changed.isEmpty()) {
      return List.of();
    }
    reviews.updateFields(id, title, severity, ReviewCodec.write(after));
    for (EditField field : changed) {
      timeline.insertTimelineEntry(
          id,
          now,
          TimelineKind.FIELD_CHANGED,
          text(field, actor, incident, title, severity),
          actor.personId(),
          null);
    }
    return changed.stream().map(EditField::wireName).toList();
  }

  private static String text(
      EditField field, Actor actor, Incident incident, String title, String severity) {
    return switch (field) {
      case TITLE -> "Title changed by " + actor.name() + " to \"" + title + "\"";
      case SEVERITY ->
          "Severity changed by "
              + actor.name()
              + " from "
              + incident.severity()
              + " to "
              + severity;
      default -> capitalized(field.label()) + " edited by " + actor.name();
    };
  }

  private static Object value(
      EditField field, String title, String severity, IncidentReview review) {
    return switch (field) {
      case TITLE -> title;
      case SEVERITY -> severity;
      case SUMMARY -> review.summary();
      case IMPACT -> counted(review.impact());
      case ROOT_CAUSE -> review.rootCause();
      case RESOLUTION -> review.resolution();
      case DETECTION_NOTES -> review.detectionNotes();
      case ACTION_ITEMS -> review.actionItems();
    };
  }

  /** An impact with nothing in it is no impact: saving an empty form changes nothing. */
  private static Impact counted(Impact impact) {
    return impact == null || impact.isEmpty() ? null : impact;
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
