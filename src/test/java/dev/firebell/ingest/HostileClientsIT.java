package dev.firebell.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.FirebellProcess;
import dev.firebell.Payloads;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that cannot hold intake: while 300 connections trickle one byte every 20 s and 240
 * clients without credentials upload 1 MiB bodies over and over, an authenticated webhook is
 * answered within a second every time, at the heap of {@code scripts/run.sh}, and the process never
 * runs out of memory.
 */
class HostileClientsIT {
  private static final int TRICKLERS = 300;
  private static final int UPLOADERS = 240;
  private static final Duration RUN = Duration.ofSeconds(25);

  @Test
  void slowAndUnauthenticatedClientsDoNotDelayAnAuthenticatedWebhook(@TempDir Path dir)
      throws Exception {
    int port = FirebellProcess.freePort();
    Path config = FirebellProcess.writeConfig(dir, port, dir.resolve("data"), "");
    try (FirebellProcess firebell =
        FirebellProcess.start(
            config, port, dir, List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"))) {
      for (int group = 1; group <= 50; group++) {
        webhook(firebell, 1_000_000 + group); // warm: the JIT's first seconds are not the test
      }
      AtomicBoolean running = new AtomicBoolean(true);
      List<Socket> tricklers = openTricklers(port);
      ExecutorService attackers = Executors.newFixedThreadPool(UPLOADERS + 1);
      for (int i = 0; i < UPLOADERS; i++) {
        attackers.execute(() -> uploadWithoutCredentials(port, running));
      }
      attackers.execute(() -> trickle(tricklers, running));

      long worst = 0;
      int answered = 0;
      List<Long> times = new ArrayList<>();
      Instant until = Instant.now().plus(RUN);
      for (int group = 1; Instant.now().isBefore(until); group++) {
        long started = System.nanoTime();
        Reply reply = webhook(firebell, group);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        worst = Math.max(worst, millis);
        times.add(millis);
        answered++;
        Thread.sleep(250);
      }
      running.set(false);
      attackers.shutdownNow();
      attackers.awaitTermination(30, TimeUnit.SECONDS);
      for (Socket socket : tricklers) {
        socket.close();
      }
      System.out.printf(
          "hostile clients: %d authenticated webhooks, worst answer %d ms, all %s%n",
          answered, worst, times);
      assertThat(worst).as("worst answer to an authenticated webhook, ms").isLessThan(1_000);
      assertThat(firebell.log()).doesNotContain("OutOfMemoryError");
    }
  }

  private static Reply webhook(FirebellProcess firebell, int group) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(firebell.url("/webhooks/alertmanager")))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TestApp.INGEST_TOKEN)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(Payloads.group("svc-" + group, group))));
  }

  private static List<Socket> openTricklers(int port) throws IOException {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < TRICKLERS; i++) {
      Socket socket = new Socket("127.0.0.1", port);
      socket.getOutputStream().write("P".getBytes(StandardCharsets.US_ASCII));
      sockets.add(socket);
    }
    return sockets;
  }

  /** One more byte of "POST /webhooks/grafana …" on every connection every 20 seconds. */
  private static void trickle(List<Socket> sockets, AtomicBoolean running) {
    byte[] request = "POST /webhooks/grafana HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    for (int next = 1; running.get(); next++) {
      try {
        Thread.sleep(20_000);
      } catch (InterruptedException e) {
        return;
      }
      for (Socket socket : sockets) {
        try {
          socket.getOutputStream().write(request[next % request.length]);
        } catch (IOException closedByTheServer) {
          // what the idle timeout is for
        }
      }
    }
  }

  /** A 1 MiB body with wrong credentials, again a second after each answer. */
  private static void uploadWithoutCredentials(int port, AtomicBoolean running) {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    while (running.get()) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /webhooks/alertmanager HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nAuthorization: Bearer wrong\r\n"
                    + "Content-Length: 1048576\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (int sent = 0; sent < 1_048_576 && running.get(); sent += chunk.length) {
          out.write(chunk);
        }
        InputStream in = socket.getInputStream();
        in.read();
      } catch (IOException refusedOrClosed) {
        // the server may close the connection once it has answered 401
      }
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
