package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The upgrade to contacts by id (V19) keeps every queued message, on H2 and on PostgreSQL: rows
 * queued by position keep it as {@code #<index>}, which the senders resolve as before, and new rows
 * name their contact by id.
 */
class ContactIdMigrationIT {
  private static final Instant AT = Instant.parse("2026-11-28T16:10:00Z");

  @Test
  void queuedPagesNoticesAndDigestsSurviveTheUpgradeUnderTheirPosition() {
    UpgradeDatabase database = UpgradeDatabase.at("18");
    Jdbi jdbi = database.jdbi();
    jdbi.useTransaction(
        handle -> {
          handle.execute(
              """
              INSERT INTO alert_group (group_hash, source, group_key, first_seen_at)
              VALUES ('%064d', 'grafana', '{}', ?)
              """
                  .formatted(7),
              AT);
          long incident =
              handle
                  .createUpdate(
                      """
                      INSERT INTO incident (group_hash, source, receiver, title, severity,
                        service, status, test, opened_at, group_labels, common_labels,
                        common_annotations, alert_name, urgency)
                      VALUES ('%064d', 'grafana', 'firebell', 'Pizza', 'SEV-1', 'pizza',
                        'TRIGGERED', FALSE, :at, '{}', '{}', '{}', 'Pizza', 'HIGH')
                      """
                          .formatted(7))
                  .bind("at", AT)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          handle.execute(
              """
              INSERT INTO page_delivery (incident_id, person_id, contact_index, channel, kind,
                round, status, attempts, next_attempt_at, created_at)
              VALUES (?, 'tessa', 2, 'sms', 'PAGE', 0, 'PENDING', 0, ?, ?)
              """,
              incident,
              AT,
              AT);
          handle.execute(
              """
              INSERT INTO notice_delivery (once_key, person_id, contact_index, channel, kind,
                payload, status, attempts, next_attempt_at, created_at)
              VALUES (?, 'tessa', 1, 'email', 'handoff', '{}', 'PENDING', 0, ?, ?)
              """,
              "%064d".formatted(1),
              AT,
              AT);
          handle.execute(
              """
              INSERT INTO page_digest (person_id, contact_index, channel, send_at, status,
                attempts, next_attempt_at, created_at)
              VALUES ('tessa', 0, 'webhook', ?, 'PENDING', 1, ?, ?)
              """,
              AT,
              AT,
              AT);
        });

    database.upgrade();

    jdbi.useHandle(
        handle -> {
          assertThat(
                  handle
                      .createQuery("SELECT contact_id, after_seconds, status FROM page_delivery")
                      .mapToMap()
                      .one())
              .containsEntry("contact_id", "#2")
              .containsEntry("after_seconds", 0)
              .containsEntry("status", "PENDING");
          assertThat(
                  handle
                      .createQuery("SELECT contact_id FROM notice_delivery")
                      .mapTo(String.class)
                      .list())
              .containsExactly("#1");
          Map<String, Object> digest =
              handle
                  .createQuery("SELECT id, contact_id, status, attempts FROM page_digest")
                  .mapToMap()
                  .one();
          assertThat(digest)
              .containsEntry("contact_id", "#0")
              .containsEntry("status", "PENDING")
              .containsEntry("attempts", 1);
          // The copied table still numbers new digests and keys them by contact.
          handle.execute(
              """
              INSERT INTO page_digest (person_id, contact_id, channel, send_at, status,
                attempts, next_attempt_at, created_at)
              VALUES ('tessa', 'webhook', 'webhook', ?, 'PENDING', 0, ?, ?)
              """,
              AT,
              AT,
              AT);
          List<Long> ids =
              handle.createQuery("SELECT id FROM page_digest ORDER BY id").mapTo(Long.class).list();
          assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        });
  }
}
