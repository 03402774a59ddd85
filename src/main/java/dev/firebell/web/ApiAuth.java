package dev.firebell.web;

import dev.firebell.config.ApiConfig;
import dev.firebell.oncall.Rota;
import dev.firebell.security.ApiToken;
import dev.firebell.security.ApiTokens;
import dev.firebell.security.SecretDigest;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * Requires {@code Authorization: Bearer <token>} on the JSON API: one of {@code api.tokens} (a
 * service token), or a person's own token while it is valid and its person is in the rota.
 */
public final class ApiAuth {
  private final List<SecretDigest> tokens;
  private final ApiTokens personal;
  private final Rota rota;

  public ApiAuth(ApiConfig config, ApiTokens personal, Rota rota) {
    this.tokens = config.tokens().stream().map(SecretDigest::of).toList();
    this.personal = personal;
    this.rota = rota;
  }

  public void require(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new HttpProblem(401, "an API token is required: Authorization: Bearer <token>");
    }
    String given = authorization.substring(7).strip();
    boolean known = false;
    for (SecretDigest token : tokens) {
      known |= token.matches(given);
    }
    if (known) {
      ctx.attribute(ApiCaller.ATTRIBUTE, new ApiCaller.Service());
      return;
    }
    Optional<ApiToken> token =
        personal.use(given).filter(t -> rota.current().person(t.personId()).isPresent());
    if (token.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new HttpProblem(401, "the API token is not valid (unknown, revoked or expired)");
    }
    ctx.attribute(
        ApiCaller.ATTRIBUTE,
        new ApiCaller.Personal(token.get().id(), token.get().personId(), token.get().name()));
  }
}
