package dev.firebell.security;

import dev.firebell.store.Repositories;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Personal API tokens: random ({@code fbt_} and 32 random bytes), shown once when made, stored only
 * as a hash, valid for at most a year, each acting as its person.
 */
public final class ApiTokens {
  /** Every personal token starts so, which tells it from the service tokens of api.tokens. */
  public static final String PREFIX = "fbt_";

  public static final Duration LONGEST = Duration.ofDays(366);
  public static final Duration DEFAULT_LIFE = Duration.ofDays(90);
  private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

  private final Jdbi jdbi;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ApiTokens(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** A token just made, with its secret: the one time it is shown. */
  public record Made(ApiToken token, String secret) {}

  public Made create(String personId, String name, Duration life) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    ApiToken token =
        Repositories.with(
            jdbi,
            ApiTokenRepository::new,
            r -> r.insert(personId, name, Hashing.sha256Hex(secret), now, now.plus(life)));
    return new Made(token, secret);
  }

  public List<ApiToken> of(String personId) {
    return Repositories.with(jdbi, ApiTokenRepository::new, r -> r.of(personId));
  }

  public boolean revoke(String personId, long id) {
    return Repositories.with(jdbi, ApiTokenRepository::new, r -> r.delete(personId, id));
  }

  /** The token this secret is, while it is valid; its use is recorded. */
  public Optional<ApiToken> use(String secret) {
    if (!secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return Repositories.with(
        jdbi,
        ApiTokenRepository::new,
        r -> {
          Optional<ApiToken> token = r.valid(Hashing.sha256Hex(secret), now);
          token.ifPresent(t -> r.used(t.id(), now, USE_RECORDED_EVERY));
          return token;
        });
  }
}
