package dev.firebell;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.eclipse.jetty.server.Server;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.LoggerFactory;

/**
 * Loads the database engine's and the web server's classes on a second core while the main thread
 * reads the configuration: start-up is mostly class loading, done one class after another on one
 * thread otherwise. It runs the same code paths the start will (a private in-memory H2 database, an
 * unstarted Javalin), so the classes it loads are those needed, and it owns nothing that outlives
 * it.
 */
final class Warmup {
  private Warmup() {}

  /** Starts the warm-up beside the caller; it ends by itself within a few hundred milliseconds. */
  static void startInBackground() {
    Thread thread = new Thread(Warmup::run, "warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    // Unnamed in-memory database: private to this connection, gone when it closes.
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:;MODE=PostgreSQL")) {
      Jdbi.create(connection)
          .useHandle(
              handle -> {
                handle.execute("CREATE TABLE warm (id BIGINT PRIMARY KEY, body CHARACTER VARYING)");
                handle.execute("CREATE INDEX warm_by_body ON warm (body)");
                handle
                    .createUpdate("INSERT INTO warm VALUES (1, :body)")
                    .bind("body", "x")
                    .execute();
                handle.createQuery("SELECT body FROM warm WHERE id = 1").mapTo(String.class).one();
              });
    } catch (SQLException | JdbiException e) { // only a head start is lost: the start loads these
      LoggerFactory.getLogger(Warmup.class).debug("warm-up of the database engine failed", e);
    }
    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT).close();
    Javalin.create(config -> config.startup.showJavalinBanner = false);
    new Server(); // not started: no thread, no port
  }
}
