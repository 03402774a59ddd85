package dev.firebell.web;

import dev.firebell.config.ApiConfig;
import dev.firebell.security.Hashing;
import io.javalin.http.Context;
import java.util.List;

/** Requires {@code Authorization: Bearer <one of api.tokens>} on the JSON API. */
public final class ApiAuth {
  private final List<String> tokens;

  public ApiAuth(ApiConfig config) {
    this.tokens = config.tokens();
  }

  public void require(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new HttpProblem(401, "an API token is required: Authorization: Bearer <token>");
    }
    String given = authorization.substring(7).strip();
    boolean known = false;
    for (String token : tokens) {
      known |= Hashing.constantTimeEquals(given, token);
    }
    if (!known) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new HttpProblem(401, "the API token is not valid");
    }
  }
}
