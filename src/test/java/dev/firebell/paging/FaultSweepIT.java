package dev.firebell.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.store.FaultInjection;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The guard of the paging core: the whole path (webhook, incident, escalation start, page delivery,
 * acknowledgement by link, step 2 not paged, resolution, status update) runs once for every JDBC
 * call on it, with that one call failing as a dropped connection (08006) or a serialization failure
 * (40001). Afterwards, with no restart and within a few paging passes: the incident is recorded,
 * step 1 was paged exactly once, the acknowledged incident never escalated, its two status updates
 * (acknowledged, resolved) went out, and nothing is left pending or folded. A webhook that hit the
 * fault got a 503 and its retry succeeded.
 */
class FaultSweepIT {
  private static final String FIRING = Fixtures.read("alertmanager-live/am-firing.json");
  private static final String RESOLVED = Fixtures.read("alertmanager-live/am-resolved.json");
  private static final Duration PAST_A_LEASE = Duration.ofSeconds(31);

  @Test
  void oneFailedStatementAnywhereOnThePathStrandsNoPage() throws Exception {
    int calls = run(0, null).calls();
    assertThat(calls).as("JDBC calls on the path").isGreaterThan(20);
    List<String> failures = new ArrayList<>();
    // -Dsweep.only=N runs one fault point, to read its log when it fails.
    int only = Integer.getInteger("sweep.only", 0);
    for (int n = only > 0 ? only : 1; n <= (only > 0 ? only : calls); n++) {
      String state = n % 2 == 1 ? "08006" : "40001";
      try {
        run(n, state);
      } catch (AssertionError e) {
        failures.add("fault at call " + n + " (" + state + "): " + firstLines(e.getMessage()));
      }
    }
    System.out.printf("fault sweep: %d fault points covered, %d failed%n", calls, failures.size());
    assertThat(failures).isEmpty();
  }

  private record Outcome(int calls) {}

  /** The whole path with call {@code n} failing (none when {@code n} is 0). */
  private static Outcome run(int n, String sqlState) throws Exception {
    FaultInjection faults = new FaultInjection();
    try (CaptureServer capture = new CaptureServer();
        TestApp app =
            TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture), faults.wrapper())) {
      int before = faults.calls();
      if (n > 0) {
        faults.failCall(n, sqlState);
      }
      long id = webhook(app, FIRING).get("incidentId").asLong();
      if (Integer.getInteger("sweep.only", 0) > 0) {
        System.out.println("sweep: webhook done at call " + (faults.calls() - before));
      }
      settle(app, () -> capture.requests("/tessa").size() >= 1);
      assertThat(capture.json("/tessa")).as("pages to tessa").hasSize(1);
      JsonNode page = capture.json("/tessa").get(0);
      assertThat(page.get("kind").asText()).isEqualTo("page");

      retrying(() -> post(app, page.get("ackUrl").asText()), 200);
      assertThat(incident(app, id).get("status").asText()).isEqualTo("acknowledged");
      app.clock.advance(Duration.ofMinutes(10));
      settle(app, () -> false);
      assertThat(capture.requests("/sam")).as("step 2 after an acknowledgement").isEmpty();

      webhook(app, RESOLVED);
      settle(app, () -> capture.requests("/tessa").size() >= 3);
      assertThat(incident(app, id).get("status").asText()).isEqualTo("resolved");
      List<JsonNode> tessa = capture.json("/tessa");
      assertThat(tessa.stream().filter(m -> m.get("kind").asText().equals("page")))
          .as("step-1 pages")
          .hasSize(1);
      assertThat(tessa.stream().filter(m -> m.get("kind").asText().equals("status-update")))
          .as("status updates (acknowledged, resolved)")
          .hasSize(2);
      faults.heal();
      assertThat(faults.count("SELECT COUNT(*) FROM page_delivery WHERE status = 'PENDING'"))
          .as("pending deliveries")
          .isZero();
      assertThat(faults.count("SELECT COUNT(*) FROM page_delivery WHERE status = 'FOLDED'"))
          .as("folded pages")
          .isZero();
      return new Outcome(faults.calls() - before);
    }
  }

  /** Posts a webhook as a sender does: a 503 is retried, anything else but 200 is a failure. */
  private static JsonNode webhook(TestApp app, String body) {
    return retrying(() -> app.postWebhook("/webhooks/alertmanager", body), 200).json();
  }

  /** Reads the incident as a client would, retrying a 503. */
  private static JsonNode incident(TestApp app, long id) {
    return retrying(() -> app.getApi("/api/incidents/" + id), 200).json();
  }

  private static Reply retrying(Supplier<Reply> request, int expected) {
    Reply reply = request.get();
    if (reply.status() == 503) {
      assertThat(reply.header("Retry-After")).isNotBlank();
      reply = request.get();
    }
    assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
    return reply;
  }

  /**
   * A few paging passes, as the background loop would run them, each a lease later than the last so
   * work a fault left claimed is taken up again. A pass that fails is what the loop logs and
   * retries.
   */
  private static void settle(TestApp app, Supplier<Boolean> done) {
    for (int pass = 0; pass < 4 && !done.get(); pass++) {
      try {
        app.runPaging();
      } catch (RuntimeException failedPass) {
        // the loop logs it and runs again at the next interval
      }
      if (!done.get()) {
        app.clock.advance(PAST_A_LEASE);
      }
    }
  }

  private static Reply post(TestApp app, String publicUrl) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(publicUrl.replace("http://localhost:8080", app.url(""))))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static String firstLines(String message) {
    String text =
        message == null ? "" : String.join(" ", message.strip().lines().limit(4).toList());
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
