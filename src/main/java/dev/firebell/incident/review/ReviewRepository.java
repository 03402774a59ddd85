package dev.firebell.incident.review;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for what people wrote on an incident for its review, run on the caller's handle. */
public final class ReviewRepository {
  private static final RowMapper<ReviewRow> REVIEW =
      (row, context) ->
          new ReviewRow(
              row.getString("summary"),
              row.getString("impact"),
              row.getString("root_cause"),
              row.getString("resolution"),
              row.getString("detection_notes"),
              row.getString("action_items"));

  private final Handle handle;

  public ReviewRepository(Handle handle) {
    this.handle = handle;
  }

  public ReviewRow review(long id) {
    return handle
        .createQuery(
            """
            SELECT summary, impact, root_cause, resolution, detection_notes, action_items
            FROM incident WHERE id = :id
            """)
        .bind("id", id)
        .map(REVIEW)
        .one();
  }

  public void updateFields(long id, String title, String severity, ReviewRow review) {
    handle
        .createUpdate(
            """
            UPDATE incident SET title = :title, severity = :severity, summary = :summary,
              impact = :impact, root_cause = :rootCause, resolution = :resolution,
              detection_notes = :detectionNotes, action_items = :actionItems
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("title", title)
        .bind("severity", severity)
        .bind("summary", review.summary())
        .bind("impact", review.impact())
        .bind("rootCause", review.rootCause())
        .bind("resolution", review.resolution())
        .bind("detectionNotes", review.detectionNotes())
        .bind("actionItems", review.actionItems())
        .execute();
  }
}
