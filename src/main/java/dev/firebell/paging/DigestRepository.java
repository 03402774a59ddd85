package dev.firebell.paging;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for page rate limits and the digests that carry the pages beyond them. */
@RegisterConstructorMapper(Digest.class)
@RegisterConstructorMapper(FoldedPage.class)
public interface DigestRepository {

  /**
   * Pages to one contact of one person delivered since {@code since} or being sent right now
   * (claimed, lease running), not counting delivery {@code excludeId}.
   */
  @SqlQuery(
      """
      SELECT COUNT(*) FROM page_delivery
      WHERE person_id = :personId AND contact_index = :contactIndex AND kind = 'PAGE'
        AND id <> :excludeId
        AND ((status = 'DELIVERED' AND delivered_at > :since)
             OR (status = 'PENDING' AND lease_until > :now))
      """)
  int recentPages(
      @Bind("personId") String personId,
      @Bind("contactIndex") int contactIndex,
      @Bind("since") Instant since,
      @Bind("now") Instant now,
      @Bind("excludeId") long excludeId);

  @SqlUpdate(
      "UPDATE page_delivery SET status = 'FOLDED', digest_at = :sendAt, lease_until = NULL"
          + " WHERE id = :id")
  void fold(@Bind("id") long id, @Bind("sendAt") Instant sendAt);

  @SqlQuery(
      """
      SELECT COUNT(*) FROM page_digest
      WHERE person_id = :personId AND contact_index = :contactIndex AND send_at = :sendAt
      """)
  int digestsAt(
      @Bind("personId") String personId,
      @Bind("contactIndex") int contactIndex,
      @Bind("sendAt") Instant sendAt);

  @SqlUpdate(
      """
      INSERT INTO page_digest (person_id, contact_index, channel, send_at, status, attempts)
      VALUES (:personId, :contactIndex, :channel, :sendAt, 'PENDING', 0)
      """)
  void insert(
      @Bind("personId") String personId,
      @Bind("contactIndex") int contactIndex,
      @Bind("channel") String channel,
      @Bind("sendAt") Instant sendAt);

  @SqlQuery(
      """
      SELECT person_id, contact_index, channel, send_at, attempts FROM page_digest
      WHERE status = 'PENDING' AND send_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
      ORDER BY send_at LIMIT 50
      """)
  List<Digest> due(@Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE page_digest SET lease_until = :leaseUntil, attempts = attempts + 1
      WHERE person_id = :personId AND contact_index = :contactIndex AND send_at = :sendAt
        AND status = 'PENDING' AND (lease_until IS NULL OR lease_until <= :now)
      """)
  int claim(
      @Bind("personId") String personId,
      @Bind("contactIndex") int contactIndex,
      @Bind("sendAt") Instant sendAt,
      @Bind("now") Instant now,
      @Bind("leaseUntil") Instant leaseUntil);

  @SqlUpdate(
      """
      UPDATE page_digest SET status = 'DELIVERED', delivered_at = :now, lease_until = NULL
      WHERE person_id = :personId AND contact_index = :contactIndex AND send_at = :sendAt
      """)
  void delivered(
      @Bind("personId") String personId,
      @Bind("contactIndex") int contactIndex,
      @Bind("sendAt") Instant sendAt,
      @Bind("now") Instant now);

  /** Ends a digest as FAILED or EMPTY, or (PENDING with a lease) retries it after the lease. */
  @SqlUpdate(
      """
      UPDATE page_digest SET status = :status, lease_until = :retryAt, last_error = :error
      WHERE person_id = :personId AND contact_index = :contactIndex AND send_at = :sendAt
      """)
  void finish(
      @Bind("personId") String personId,
      @Bind("contactIndex") int contactIndex,
      @Bind("sendAt") Instant sendAt,
      @Bind("status") String status,
      @Bind("retryAt") Instant retryAt,
      @Bind("error") String error);

  /** The incidents folded into one digest, still open, oldest first. */
  @SqlQuery(
      """
      SELECT DISTINCT i.id AS incident_id, i.title, i.severity, i.service
      FROM page_delivery d JOIN incident i ON i.id = d.incident_id
      WHERE d.person_id = :personId AND d.contact_index = :contactIndex AND d.status = 'FOLDED'
        AND d.digest_at = :sendAt AND i.status = 'TRIGGERED'
      ORDER BY i.id
      """)
  List<FoldedPage> folded(
      @Bind("personId") String personId,
      @Bind("contactIndex") int contactIndex,
      @Bind("sendAt") Instant sendAt);
}
