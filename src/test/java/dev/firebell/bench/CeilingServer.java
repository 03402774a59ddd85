package dev.firebell.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.FirebellProcess;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical ceiling for the benchmark (not part of the product): a bare Javalin endpoint that
 * parses the same Grafana payload with Jackson and answers 202 without storing anything. It runs in
 * a JVM of its own with Firebell's flags, so its CPU per request is measured as Firebell's is.
 */
final class CeilingServer implements AutoCloseable {
  private final Process process;
  private final int port;

  private CeilingServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the ceiling in its own JVM and waits until it listens. */
  static CeilingServer launch(List<String> jvmOptions) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CeilingServer.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("CEILING_PORT ")) {
        int port = Integer.parseInt(line.substring("CEILING_PORT ".length()).trim());
        Thread drain = new Thread(() -> drain(out), "ceiling-output");
        drain.setDaemon(true);
        drain.start();
        return new CeilingServer(process, port);
      }
    }
    throw new IllegalStateException("the ceiling server did not start");
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // discard
      }
    } catch (IOException ended) {
      // the process is gone
    }
  }

  public static void main(String[] args) {
    ObjectMapper json = new ObjectMapper();
    Javalin server =
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
    System.out.println("CEILING_PORT " + server.port());
  }

  String url() {
    return "http://127.0.0.1:" + port + "/webhooks/grafana";
  }

  long pid() {
    return process.pid();
  }

  long cpuMillis() {
    return FirebellProcess.cpuMillis(process.pid());
  }

  @Override
  public void close() {
    process.destroy();
  }
}
