package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.MutableClock;
import dev.firebell.Payloads;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.TestDatabases;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.config.PagingConfig;
import dev.firebell.oncall.OnCall;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingTeam;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Three Firebell instances on one PostgreSQL: duplicate deliveries spread over them make one
 * incident per group and one page per person per step, and when an instance stops mid-escalation
 * the others page the next step, once.
 */
class MultiInstanceIT {
  private static final int GROUPS = 50;
  private static final int DELIVERIES = 300;

  @Test
  void threeInstancesShareTheWorkWithoutDoublePages() throws Exception {
    FirebellConfig config =
        ConfigBuilder.from(TestApp.defaultConfig())
            .withDatabase(TestDatabases.freshPostgres())
            .withPaging(
                new PagingConfig(Duration.ofMillis(200), null, null, null, null, null, 1000))
            .build();
    MutableClock clock = MutableClock.at("2026-11-28T16:10:00Z");
    try (CaptureServer capture = new CaptureServer()) {
      OnCall team = PagingTeam.of(capture);
      List<TestApp> instances = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          instances.add(TestApp.startLive(config, team, clock));
        }
        deliverConcurrently(instances);

        assertThat(
                instances
                    .get(2)
                    .getApi("/api/incidents?status=all&limit=1000")
                    .json()
                    .get("incidents"))
            .hasSize(GROUPS);
        awaitCount(() -> capture.requests("/tessa").size(), GROUPS);
        assertOncePerIncident(capture.json("/tessa"));

        // An ack link issued by one instance works on another: they share the link secret.
        JsonNode page = capture.json("/tessa").get(0);
        String token = page.get("ackUrl").asText().replaceAll(".*/ack/", "");
        Reply acked =
            TestApp.send(
                HttpRequest.newBuilder(URI.create(instances.get(1).url("/ack/" + token)))
                    .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(acked.body()).contains("Acknowledged.");

        instances.remove(0).close(); // one instance goes away mid-escalation
        clock.advance(Duration.ofMinutes(5));
        awaitCount(() -> capture.requests("/sam").size(), GROUPS - 1);
        assertOncePerIncident(capture.json("/sam"));
        assertThat(capture.json("/sam"))
            .noneMatch(p -> p.get("incidentId").asLong() == page.get("incidentId").asLong());
      } finally {
        instances.forEach(TestApp::close);
      }
    }
  }

  /** 300 deliveries for 50 groups (each 6 times), shuffled, sent at once across the instances. */
  private static void deliverConcurrently(List<TestApp> instances) throws Exception {
    List<String> bodies = new ArrayList<>();
    for (int delivery = 0; delivery < DELIVERIES; delivery++) {
      bodies.add(Payloads.group("pizza-" + delivery % GROUPS, delivery % GROUPS + 1));
    }
    Collections.shuffle(bodies, new Random(7));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Callable<Reply>> calls = new ArrayList<>();
      for (int i = 0; i < bodies.size(); i++) {
        TestApp target = instances.get(i % instances.size());
        String body = bodies.get(i);
        calls.add(() -> target.postWebhook("/webhooks/alertmanager", body));
      }
      for (Future<Reply> reply : pool.invokeAll(calls)) {
        assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertOncePerIncident(List<JsonNode> pages) {
    Set<Long> incidents = new HashSet<>();
    for (JsonNode page : pages) {
      assertThat(incidents.add(page.get("incidentId").asLong()))
          .as("a second page for incident " + page.get("incidentId"))
          .isTrue();
    }
  }

  /** Waits for the count, then a little longer, so a duplicate would have time to show. */
  private static void awaitCount(IntSupplier count, int expected) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (count.getAsInt() < expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    Thread.sleep(1500);
    assertThat(count.getAsInt()).isEqualTo(expected);
  }
}
