package dev.firebell.web;

import io.javalin.http.Context;

/**
 * Who called the API: a service token of {@code api.tokens} (automation, with an admin's rights,
 * acting as the person its {@code by} names) or a person's own token (acting as them).
 */
public sealed interface ApiCaller {
  String ATTRIBUTE = "firebell.apiCaller";

  record Service() implements ApiCaller {}

  record Personal(long tokenId, String personId, String tokenName) implements ApiCaller {}

  static ApiCaller of(Context ctx) {
    ApiCaller caller = ctx.attribute(ATTRIBUTE);
    if (caller == null) {
      throw new IllegalStateException("ApiAuth.require runs before every /api/ handler");
    }
    return caller;
  }
}
