package dev.firebell.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Secrets generated on first start and kept in the database, so every instance that shares the
 * database signs and checks with the same one.
 */
public final class SecretStore {
  private final Jdbi jdbi;
  private final Clock clock;

  public SecretStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** The secret called {@code name}, created (32 random bytes) if it does not exist yet. */
  public String getOrCreate(String name) {
    return find(name).orElseGet(() -> create(name));
  }

  private Optional<String> find(String name) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT secret_value FROM app_secret WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
  }

  private String create(String name) {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO app_secret (name, secret_value, created_at)"
                          + " VALUES (:name, :secret, :now)")
                  .bind("name", name)
                  .bind("secret", secret)
                  .bind("now", clock.instant())
                  .execute());
      return secret;
    } catch (StatementException e) {
      if (!UniqueViolation.is(e)) {
        throw e;
      }
      // Another instance created it first; theirs is the one everybody uses.
      return find(name).orElseThrow(() -> e);
    }
  }
}
