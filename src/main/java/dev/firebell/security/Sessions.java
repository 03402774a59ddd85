package dev.firebell.security;

import dev.firebell.config.UserConfig;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Web sessions in the database, so any instance serves any user. The cookie is 32 random bytes;
 * only its SHA-256 is stored.
 */
public final class Sessions {
  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration ttl;
  private final SecureRandom random = new SecureRandom();

  private final Map<String, UserConfig> users;
  private final Function<String, String> emailOfPerson;

  /**
   * @param emailOfPerson a person's email in the rota as it is now (null when they have none or are
   *     gone): a single sign-on session lasts while it still names them
   */
  public Sessions(
      Jdbi jdbi,
      Clock clock,
      Duration ttl,
      List<UserConfig> users,
      Function<String, String> emailOfPerson) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ttl = ttl;
    this.users =
        users.stream().collect(Collectors.toUnmodifiableMap(UserConfig::username, user -> user));
    this.emailOfPerson = emailOfPerson;
  }

  /** What a single sign-on session is bound to: the email and the person it signed in. */
  private static String signedOn(String email, String personId) {
    return Hashing.sha256Hex("oidc\n" + email.toLowerCase(Locale.ROOT) + "\n" + personId);
  }

  /** What a session is bound to: the user's password hash and person, as configured now. */
  private static String credential(UserConfig user) {
    return HexFormat.of()
        .formatHex(
            Hashing.sha256(
                (user.username() + "\n" + user.passwordHash() + "\n" + user.person())
                    .getBytes(StandardCharsets.UTF_8)));
  }

  /** Starts a session for a local user; returns the cookie value. */
  public String start(String username, String personId) {
    return start(
        username, personId, users.containsKey(username) ? credential(users.get(username)) : null);
  }

  /**
   * Starts a session for someone the provider signed in by {@code email}; it ends when the rota no
   * longer gives the person that email.
   */
  public String startSignedOn(String email, String personId) {
    return start(email, personId, signedOn(email, personId));
  }

  private String start(String username, String personId, String credential) {
    String cookie = randomToken();
    Instant now = clock.instant();
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO web_session (token_hash, username, person_id, csrf_token,
                      created_at, expires_at, credential)
                    VALUES (:hash, :username, :person, :csrf, :now, :expires, :credential)
                    """)
                .bind("hash", hash(cookie))
                .bind("username", username)
                .bind("person", personId)
                .bind("csrf", randomToken())
                .bind("now", now)
                .bind("expires", now.plus(ttl))
                .bind("credential", credential)
                .execute());
    return cookie;
  }

  public Optional<WebSession> find(String cookie) {
    if (cookie == null || cookie.isBlank() || cookie.length() > 100) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    SELECT username, person_id, csrf_token, expires_at, credential FROM web_session
                    WHERE token_hash = :hash AND expires_at > :now
                    """)
                .bind("hash", hash(cookie))
                .bind("now", clock.instant())
                .map(
                    (rs, ctx) ->
                        new StoredSession(
                            new WebSession(
                                rs.getString("username"),
                                rs.getString("person_id"),
                                rs.getString("csrf_token"),
                                rs.getObject("expires_at", OffsetDateTime.class).toInstant()),
                            rs.getString("credential")))
                .findOne()
                .filter(stored -> stillValid(stored.session(), stored.credential()))
                .map(StoredSession::session));
  }

  private record StoredSession(WebSession session, String credential) {}

  /**
   * The user is still configured with the credentials the session was opened with, or the person
   * signed on still has the email they signed on with.
   */
  private boolean stillValid(WebSession session, String credential) {
    if (credential == null) {
      return false;
    }
    UserConfig user = users.get(session.username());
    if (user != null) {
      return credential.equals(credential(user));
    }
    String email = emailOfPerson.apply(session.personId());
    return email != null
        && email.equalsIgnoreCase(session.username())
        && credential.equals(signedOn(email, session.personId()));
  }

  public void end(String cookie) {
    if (cookie == null) {
      return;
    }
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM web_session WHERE token_hash = :hash")
                .bind("hash", hash(cookie))
                .execute());
  }

  public Duration ttl() {
    return ttl;
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(String cookie) {
    return HexFormat.of().formatHex(Hashing.sha256(cookie.getBytes(StandardCharsets.UTF_8)));
  }
}
