package dev.firebell.web.ui;

import dev.firebell.config.DurationParser;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import dev.firebell.security.ApiToken;
import dev.firebell.security.ApiTokens;
import dev.firebell.security.WebSession;
import dev.firebell.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /tokens}: the logged-in person's API tokens: listed without their secrets, made (the
 * secret shown on the page that answers, once) and revoked.
 */
public final class TokenPages {
  private static final List<String> LIVES = List.of("7d", "30d", "90d", "180d", "365d");

  private final ApiTokens tokens;
  private final Rota rota;
  private final UiSecurity security;
  private final Pages pages;

  public TokenPages(ApiTokens tokens, Rota rota, UiSecurity security, Pages pages) {
    this.tokens = tokens;
    this.rota = rota;
    this.security = security;
    this.pages = pages;
  }

  public void show(Context ctx) {
    WebSession session = security.session(ctx);
    render(ctx, session, null);
  }

  public void make(Context ctx) {
    WebSession session = security.acting(ctx, Role.VIEWER, "Making a token");
    String name = IncidentPages.param(ctx, "name");
    if (name == null || name.length() > 100) {
      throw new PageProblem(400, "A token needs a name of 1 to 100 characters.");
    }
    String life = ctx.formParam("expiresIn");
    if (!LIVES.contains(life)) {
      throw new PageProblem(400, "Choose how long the token lasts: at most 365 days.");
    }
    ApiTokens.Made made = tokens.create(session.personId(), name, DurationParser.parse(life));
    render(ctx, session, made);
  }

  public void revoke(Context ctx) {
    WebSession session = security.acting(ctx, Role.VIEWER, "Revoking a token");
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new PageProblem(404, "There is no such token.");
    }
    if (!tokens.revoke(session.personId(), id)) {
      throw new PageProblem(404, "There is no such token (it may have been revoked already).");
    }
    security.flash(ctx, "Token revoked: it no longer works.");
    ctx.redirect("/tokens", HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, WebSession session, ApiTokens.Made made) {
    ZoneId zone = Views.zoneOf(rota.current(), session.personId(), ZoneOffset.UTC);
    Map<String, Object> model = new HashMap<>();
    model.put("user", session.username());
    model.put("csrf", session.csrfToken());
    model.put("tokens", tokens.of(session.personId()).stream().map(t -> view(t, zone)).toList());
    if (made != null) {
      model.put(
          "made",
          Map.of(
              "name", made.token().name(),
              "secret", made.secret(),
              "expires", Views.time(made.token().expiresAt(), zone)));
      ctx.header("Cache-Control", "no-store");
    }
    security.feedback(ctx, model);
    UiSecurity.headers(ctx);
    ctx.html(pages.render("ui/tokens.peb", model));
  }

  private static Map<String, Object> view(ApiToken token, ZoneId zone) {
    Map<String, Object> view = new HashMap<>();
    view.put("id", token.id());
    view.put("name", token.name());
    view.put("created", Views.time(token.createdAt(), zone));
    view.put("expires", Views.time(token.expiresAt(), zone));
    view.put(
        "lastUsed", token.lastUsedAt() == null ? "never" : Views.time(token.lastUsedAt(), zone));
    return view;
  }
}
