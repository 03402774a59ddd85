package dev.firebell.web;

import dev.firebell.metrics.FirebellMetrics;
import dev.firebell.security.SecretDigest;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/**
 * {@code GET /metrics} in Prometheus text format, behind {@code metrics.token} when one is set; and
 * the timing of every HTTP request.
 */
public final class MetricsApi {
  private static final String STARTED = "firebell.request.started";

  private final FirebellMetrics metrics;
  private final boolean open;
  private final SecretDigest token;

  public MetricsApi(FirebellMetrics metrics, String token) {
    this.metrics = metrics;
    this.open = token.isEmpty();
    this.token = SecretDigest.of(token);
  }

  public void scrape(Context ctx) {
    if (!open) {
      String authorization = ctx.header("Authorization");
      String given =
          authorization != null && authorization.startsWith("Bearer ")
              ? authorization.substring(7)
              : "";
      if (!token.matches(given)) {
        ctx.header("WWW-Authenticate", "Bearer");
        throw new HttpProblem(401, "the metrics token is missing or wrong");
      }
    }
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  public void startTimer(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
  }

  public void stopTimer(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
    String route = endpoint == null ? "unmatched" : endpoint.path;
    metrics.request(ctx.method().name(), route, ctx.statusCode(), System.nanoTime() - started);
  }
}
