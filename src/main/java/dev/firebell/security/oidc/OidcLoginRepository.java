package dev.firebell.security.oidc;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Sign-ins under way ({@code oidc_login}), each taken at most once. */
public final class OidcLoginRepository {
  private final Handle handle;

  public OidcLoginRepository(Handle handle) {
    this.handle = handle;
  }

  void insert(String stateHash, String browserHash, PendingLogin login, Instant now) {
    handle
        .createUpdate(
            """
            INSERT INTO oidc_login (state_hash, browser_hash, nonce, verifier, created_at)
            VALUES (:state, :browser, :nonce, :verifier, :now)
            """)
        .bind("state", stateHash)
        .bind("browser", browserHash)
        .bind("nonce", login.nonce())
        .bind("verifier", login.verifier())
        .bind("now", now)
        .execute();
  }

  /**
   * The sign-in this state and browser started after {@code since}, removed so it is taken once;
   * empty when there is none (unknown, another browser's, used or too old).
   */
  Optional<PendingLogin> take(String stateHash, String browserHash, Instant since) {
    Optional<PendingLogin> login =
        handle
            .createQuery(
                """
                SELECT nonce, verifier FROM oidc_login
                WHERE state_hash = :state AND browser_hash = :browser AND created_at > :since
                """)
            .bind("state", stateHash)
            .bind("browser", browserHash)
            .bind("since", since)
            .map((row, ctx) -> new PendingLogin(row.getString("nonce"), row.getString("verifier")))
            .findOne();
    int taken =
        handle
            .createUpdate("DELETE FROM oidc_login WHERE state_hash = :state")
            .bind("state", stateHash)
            .execute();
    return taken == 1 ? login : Optional.empty();
  }

  public int pruneBefore(Instant before) {
    return handle
        .createUpdate("DELETE FROM oidc_login WHERE created_at <= :before")
        .bind("before", before)
        .execute();
  }
}
