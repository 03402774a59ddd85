package dev.firebell.security;

import dev.firebell.store.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Personal API tokens ({@code api_token}), found by the hash of their secret. */
public final class ApiTokenRepository {
  private static final RowMapper<ApiToken> TOKEN =
      (row, ctx) ->
          new ApiToken(
              row.getLong("id"),
              row.getString("person_id"),
              row.getString("name"),
              Rows.instant(row, "created_at"),
              Rows.instant(row, "expires_at"),
              Rows.instant(row, "last_used_at"));
  private static final String COLUMNS = "id, person_id, name, created_at, expires_at, last_used_at";

  private final Handle handle;

  public ApiTokenRepository(Handle handle) {
    this.handle = handle;
  }

  public ApiToken insert(String personId, String name, String hash, Instant now, Instant expires) {
    long id =
        handle
            .createUpdate(
                """
                INSERT INTO api_token (person_id, name, token_hash, created_at, expires_at)
                VALUES (:person, :name, :hash, :now, :expires)
                """)
            .bind("person", personId)
            .bind("name", name)
            .bind("hash", hash)
            .bind("now", now)
            .bind("expires", expires)
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    return new ApiToken(id, personId, name, now, expires, null);
  }

  public List<ApiToken> of(String personId) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM api_token WHERE person_id = :person ORDER BY id")
        .bind("person", personId)
        .map(TOKEN)
        .list();
  }

  /** The unexpired token with this hash. */
  public Optional<ApiToken> valid(String hash, Instant now) {
    return handle
        .createQuery(
            "SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :hash AND expires_at > :now")
        .bind("hash", hash)
        .bind("now", now)
        .map(TOKEN)
        .findOne();
  }

  /** Records a use, at most once per {@code every}. */
  public void used(long id, Instant now, Duration every) {
    handle
        .createUpdate(
            """
            UPDATE api_token SET last_used_at = :now
            WHERE id = :id AND (last_used_at IS NULL OR last_used_at <= :before)
            """)
        .bind("id", id)
        .bind("now", now)
        .bind("before", now.minus(every))
        .execute();
  }

  public boolean delete(String personId, long id) {
    return handle
            .createUpdate("DELETE FROM api_token WHERE id = :id AND person_id = :person")
            .bind("id", id)
            .bind("person", personId)
            .execute()
        == 1;
  }
}
