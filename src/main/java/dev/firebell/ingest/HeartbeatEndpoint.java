package dev.firebell.ingest;

import dev.firebell.config.IngestConfig;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.web.HttpProblem;
import io.javalin.http.Context;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /heartbeats/{id}}: a beat, with the same credentials as the webhooks, so a cron job's
 * {@code curl} can send one. {@code 200} {@code {"id", "lastBeatAt", "dueAt"}}; {@code 404} for an
 * id not in {@code firebell.yaml}.
 */
public final class HeartbeatEndpoint {
  private static final Logger log = LoggerFactory.getLogger(HeartbeatEndpoint.class);

  private final WebhookAuthenticator authenticator;
  private final Heartbeats heartbeats;
  private final Clock clock;

  public HeartbeatEndpoint(IngestConfig config, Heartbeats heartbeats, Clock clock) {
    this.authenticator = new WebhookAuthenticator(config);
    this.heartbeats = heartbeats;
    this.clock = clock;
  }

  public void beat(Context ctx) {
    authenticator.headerRefusal(ctx::header).ifPresent(reason -> refuse(ctx, reason));
    if (authenticator.needsBody()) {
      byte[] body = ctx.bodyAsBytes();
      authenticator
          .bodyRefusal(ctx::header, body, clock.instant())
          .ifPresent(reason -> refuse(ctx, reason));
    }
    String id = ctx.pathParam("id");
    ctx.json(
        heartbeats
            .beat(id)
            .orElseThrow(() -> new HttpProblem(404, "no heartbeat '" + id + "'", "id")));
  }

  private static void refuse(Context ctx, String reason) {
    ctx.header("Connection", "close");
    log.warn("heartbeat from {} refused: {}", ctx.ip(), reason);
    throw new HttpProblem(401, reason);
  }
}
