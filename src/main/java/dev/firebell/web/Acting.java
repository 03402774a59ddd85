package dev.firebell.web;

import dev.firebell.incident.Actor;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Role;
import io.javalin.http.Context;

/**
 * Whom an API call acts as, and whether they may. A service token acts as the person {@code by}
 * names, with an admin's rights. A person's token acts as its person: {@code by} may be left out,
 * and naming someone else needs the admin role; the person's role must allow the action ({@code
 * 403} naming the role needed otherwise).
 */
public final class Acting {
  private Acting() {}

  /**
   * @param by the request's {@code by} (null when left out)
   * @param needed the role the action needs
   * @param what the action, as a refusal names it ("acknowledging")
   */
  public static Actor actor(Context ctx, String by, OnCall oncall, Role needed, String what) {
    by = by == null || by.isBlank() ? null : by;
    ApiCaller caller = ApiCaller.of(ctx);
    if (caller instanceof ApiCaller.Personal token) {
      Person self = require(ctx, oncall, needed, what);
      String named = by == null ? self.id() : by;
      if (!named.equals(self.id()) && !self.role().allows(Role.ADMIN)) {
        throw new HttpProblem(
            403,
            "acting as another person needs the admin role; "
                + self.name()
                + " is a "
                + self.role().wireName(),
            "by");
      }
      Person person = person(oncall, named);
      return new Actor(person.id(), person.name(), "API token '" + token.tokenName() + "'");
    }
    if (by == null) {
      throw new HttpProblem(400, "by is required", "by");
    }
    Person person = person(oncall, by);
    return new Actor(person.id(), person.name(), "API");
  }

  /**
   * The person a personal token acts as when their role allows {@code needed} (403 otherwise); null
   * for a service token, which may do anything.
   */
  public static Person require(Context ctx, OnCall oncall, Role needed, String what) {
    ApiCaller caller = ApiCaller.of(ctx);
    if (!(caller instanceof ApiCaller.Personal token)) {
      return null;
    }
    Person self = person(oncall, token.personId());
    if (!self.role().allows(needed)) {
      throw new HttpProblem(
          403,
          what
              + " needs the "
              + needed.wireName()
              + " role; "
              + self.name()
              + " is a "
              + self.role().wireName(),
          null);
    }
    return self;
  }

  /**
   * As {@link #require}, and a change that names none of {@code named} as the token's person (an
   * override for someone else, another's request for cover) needs the admin role.
   */
  public static void selfOrAdmin(
      Context ctx, OnCall oncall, Role needed, String what, String... named) {
    Person self = require(ctx, oncall, needed, what);
    if (self == null || self.role().mayChangeFor(self.id(), named)) {
      return;
    }
    throw new HttpProblem(
        403,
        what
            + " for someone else needs the admin role; "
            + self.name()
            + " is a "
            + self.role().wireName(),
        null);
  }

  /** The token's person, who a change leaving out whom it is for is for; null for a service. */
  public static String self(Context ctx) {
    return ApiCaller.of(ctx) instanceof ApiCaller.Personal token ? token.personId() : null;
  }

  private static Person person(OnCall oncall, String id) {
    return oncall
        .person(id)
        .orElseThrow(() -> new HttpProblem(400, "unknown person '" + id + "'", "by"));
  }
}
