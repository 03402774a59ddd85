package dev.firebell.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.DurationParser;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import dev.firebell.security.ApiToken;
import dev.firebell.security.ApiTokens;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Personal API tokens: {@code /api/me/tokens} for the caller's own (a personal token's person),
 * {@code /api/people/{id}/tokens} for anyone's (admins and service tokens). A new token's secret is
 * in the {@code 201} answer and nowhere else, ever.
 */
public final class TokenApi {
  private static final Set<String> FIELDS = Set.of("name", "expiresIn");

  private final ApiTokens tokens;
  private final Rota rota;
  private final ObjectMapper json;

  public TokenApi(ApiTokens tokens, Rota rota, ObjectMapper json) {
    this.tokens = tokens;
    this.rota = rota;
    this.json = json;
  }

  public void createMine(Context ctx) {
    create(ctx, me(ctx));
  }

  public void listMine(Context ctx) {
    list(ctx, me(ctx));
  }

  public void revokeMine(Context ctx) {
    revoke(ctx, me(ctx));
  }

  public void createFor(Context ctx) {
    create(ctx, someone(ctx));
  }

  public void listFor(Context ctx) {
    list(ctx, someone(ctx));
  }

  public void revokeFor(Context ctx) {
    revoke(ctx, someone(ctx));
  }

  private void create(Context ctx, String personId) {
    JsonBody body = JsonBody.parse(json, ctx.body(), FIELDS);
    String name = body.requiredText("name").strip();
    if (name.isEmpty() || name.length() > 100) {
      throw new HttpProblem(400, "name must be 1 to 100 characters", "name");
    }
    Duration life = life(body.text("expiresIn"));
    ApiTokens.Made made = tokens.create(personId, name, life);
    ctx.status(201).json(Created.of(made));
  }

  private void list(Context ctx, String personId) {
    ctx.json(new Page(tokens.of(personId).stream().map(TokenJson::of).toList()));
  }

  private void revoke(Context ctx, String personId) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("tokenId"));
    } catch (NumberFormatException e) {
      throw new HttpProblem(404, "no token " + ctx.pathParam("tokenId"), "tokenId");
    }
    if (!tokens.revoke(personId, id)) {
      throw new HttpProblem(404, personId + " has no token " + id, "tokenId");
    }
    ctx.status(204);
  }

  /** At most a year; 90 days when left out. */
  static Duration life(String written) {
    if (written == null) {
      return ApiTokens.DEFAULT_LIFE;
    }
    Duration life;
    try {
      life = DurationParser.parse(written);
    } catch (IllegalArgumentException e) {
      throw new HttpProblem(400, "expiresIn must be a duration like 90d", "expiresIn");
    }
    if (life.isNegative() || life.isZero() || life.compareTo(ApiTokens.LONGEST) > 0) {
      throw new HttpProblem(400, "expiresIn must be more than 0 and at most 366d", "expiresIn");
    }
    return life;
  }

  private static String me(Context ctx) {
    if (ApiCaller.of(ctx) instanceof ApiCaller.Personal token) {
      return token.personId();
    }
    throw new HttpProblem(
        400, "a service token has no person: use /api/people/{id}/tokens", "Authorization");
  }

  private String someone(Context ctx) {
    OnCall oncall = rota.current();
    String id = ctx.pathParam("id");
    if (oncall.person(id).isEmpty()) {
      throw new HttpProblem(404, "unknown person '" + id + "'", "id");
    }
    Acting.selfOrAdmin(ctx, oncall, Role.VIEWER, "managing tokens", id);
    return id;
  }

  record Page(List<TokenJson> tokens) {}

  record TokenJson(
      long id,
      String person,
      String name,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt) {
    static TokenJson of(ApiToken token) {
      return new TokenJson(
          token.id(),
          token.personId(),
          token.name(),
          token.createdAt(),
          token.expiresAt(),
          token.lastUsedAt());
    }
  }

  /** A new token, with its secret: shown this once. */
  record Created(
      long id, String person, String name, String token, Instant createdAt, Instant expiresAt) {
    static Created of(ApiTokens.Made made) {
      ApiToken token = made.token();
      return new Created(
          token.id(),
          token.personId(),
          token.name(),
          made.secret(),
          token.createdAt(),
          token.expiresAt());
    }
  }
}
