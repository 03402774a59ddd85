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

  /** {@code GET /readyz}: ready for traffic once the database answers and is migrated. */
  public void ready(Context ctx) {
    boolean ready = database.isReady();
    ctx.status(ready ? 200 : 503)
        .json(new Health(ready ? "ready" : "not ready", ready ? "up" : "down"));
  }

  record Health(String status, String database) {}
}
