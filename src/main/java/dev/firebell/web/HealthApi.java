package dev.firebell.web;

import dev.firebell.store.Database;
import io.javalin.http.Context;

/** {@code GET /healthz}: open to all, says whether the database answers. */
public final class HealthApi {
  private final Database database;

  public HealthApi(Database database) {
    this.database = database;
  }

  public void health(Context ctx) {
    boolean up = database.isReachable();
    ctx.status(up ? 200 : 503).json(new Health(up ? "ok" : "unavailable", up ? "up" : "down"));
  }

  record Health(String status, String database) {}
}
