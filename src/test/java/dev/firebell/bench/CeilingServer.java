package dev.firebell.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;

/**
 * The physical ceiling for the benchmark (not part of the product): a bare Javalin endpoint that
 * parses the same Grafana payload with Jackson and answers 202 without storing anything.
 */
final class CeilingServer implements AutoCloseable {
  private final Javalin server;

  CeilingServer() {
    ObjectMapper json = new ObjectMapper();
    server =
        Javalin.create(
                config -> {
                  config.jetty.host = "127.0.0.1";
                  config.jetty.port = 0;
                  config.startup.showJavalinBanner = false;
                  config.routes.post(
                      "/webhooks/grafana",
                      ctx -> {
                        JsonNode body = json.readTree(ctx.bodyAsBytes());
                        ctx.status(202).result(body.path("alerts").size() + " alerts");
                      });
                })
            .start();
  }

  String url() {
    return "http://127.0.0.1:" + server.port() + "/webhooks/grafana";
  }

  @Override
  public void close() {
    server.stop();
  }
}
