package dev.firebell.web;

import dev.firebell.heartbeat.Heartbeats;
import io.javalin.http.Context;
import java.util.List;

/** {@code GET /api/heartbeats}: every configured heartbeat, its last beat, when due, its state. */
public final class HeartbeatApi {
  private final Heartbeats heartbeats;

  public HeartbeatApi(Heartbeats heartbeats) {
    this.heartbeats = heartbeats;
  }

  public void list(Context ctx) {
    ctx.json(new Page(heartbeats.statuses()));
  }

  record Page(List<Heartbeats.Status> heartbeats) {}
}
