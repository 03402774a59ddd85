package dev.firebell;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.IncidentService;
import dev.firebell.ingest.WebhookEndpoint;
import dev.firebell.json.Json;
import dev.firebell.store.Database;
import dev.firebell.web.ApiAuth;
import dev.firebell.web.ErrorMapper;
import dev.firebell.web.HealthApi;
import dev.firebell.web.IncidentApi;
import dev.firebell.web.Routes;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;

/** Builds every object by hand and runs the HTTP server; {@link #close()} stops it all. */
public final class App implements AutoCloseable {
  private final Database database;
  private final Javalin server;

  private App(Database database, Javalin server) {
    this.database = database;
    this.server = server;
  }

  /** Opens the database, migrates it and starts listening. */
  public static App start(FirebellConfig config, Clock clock) {
    ObjectMapper json = Json.mapper();
    Database database = Database.open(config.database(), json);
    try {
      IncidentService incidents =
          new IncidentService(
              database.jdbi(), database.durability(), clock, config.incidents().autoResolve());
      WebhookEndpoint webhooks =
          new WebhookEndpoint(config.ingest(), config.severity(), incidents, json, clock);
      ApiAuth apiAuth = new ApiAuth(config.api());
      IncidentApi incidentApi = new IncidentApi(incidents);
      HealthApi health = new HealthApi(database);

      Javalin server =
          Javalin.create(
              javalin -> {
                javalin.jetty.host = config.server().host();
                javalin.jetty.port = config.server().port();
                javalin.startup.showJavalinBanner = false;
                javalin.startup.showOldJavalinVersionWarning = false;
                javalin.http.maxRequestSize = config.ingest().maxBodyBytes();
                javalin.jsonMapper(new JavalinJackson(json, false));
                Routes.register(javalin.routes, webhooks, apiAuth, incidentApi, health);
                ErrorMapper.register(javalin.routes);
              });
      server.start();
      return new App(database, server);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The port the server listens on (useful when configured as 0). */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
    database.close();
  }
}
