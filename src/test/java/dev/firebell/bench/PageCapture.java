package dev.firebell.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** The on-call person's "phone": takes the pages Firebell sends and notes when each arrived. */
final class PageCapture implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
  private final AtomicLong lastArrival = new AtomicLong(System.nanoTime());

  PageCapture() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          long at = System.nanoTime();
          lastArrival.set(at);
          try (InputStream in = exchange.getRequestBody()) {
            JsonNode page = JSON.readTree(in.readAllBytes());
            if (page.has("incidentId")) {
              arrivals.putIfAbsent(page.get("incidentId").asLong(), at);
            }
          } catch (IOException ignored) {
            // a malformed page is simply not counted
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.setExecutor(
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              Thread thread = new Thread(runnable, "bench-capture");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** When the first page for each incident arrived (System.nanoTime), by incident id. */
  Map<Long, Long> arrivals() {
    return arrivals;
  }

  boolean quietFor(Duration duration) {
    return System.nanoTime() - lastArrival.get() > duration.toNanos();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
