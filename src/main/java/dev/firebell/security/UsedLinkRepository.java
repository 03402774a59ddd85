package dev.firebell.security;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** SQL for the acknowledge and resolve links already used, run on the caller's handle. */
public final class UsedLinkRepository {
  private final Handle handle;

  public UsedLinkRepository(Handle handle) {
    this.handle = handle;
  }

  public int uses(String tokenHash) {
    return handle
        .createQuery("SELECT COUNT(*) FROM used_link_token WHERE token_hash = :tokenHash")
        .bind("tokenHash", tokenHash)
        .mapTo(Integer.class)
        .one();
  }

  /** A second use of the same link fails on the primary key, even on another instance. */
  public void markUsed(String tokenHash, long incidentId, Instant at) {
    handle
        .createUpdate(
            """
            INSERT INTO used_link_token (token_hash, incident_id, used_at)
            VALUES (:tokenHash, :incidentId, :at)
            """)
        .bind("tokenHash", tokenHash)
        .bind("incidentId", incidentId)
        .bind("at", at)
        .execute();
  }

  /** Removes the hashes of links used before {@code before}. */
  public int pruneBefore(Instant before) {
    return handle
        .createUpdate("DELETE FROM used_link_token WHERE used_at < :before")
        .bind("before", before)
        .execute();
  }
}
