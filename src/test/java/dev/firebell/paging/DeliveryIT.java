package dev.firebell.paging;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.Payloads;
import dev.firebell.TestApp;
import dev.firebell.TestDatabases;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.DatabaseConfig;
import dev.firebell.config.FirebellConfig;
import dev.firebell.config.PagingConfig;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.oncall.contact.Contact;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox: retries with backoff, Retry-After, channels that stay down, and restarts. */
class DeliveryIT {
  private CaptureServer capture;

  @BeforeEach
  void start() {
    capture = new CaptureServer();
  }

  @AfterEach
  void stop() {
    capture.close();
  }

  @Test
  void aServerErrorIsRetriedWithBackoffThenDelivered() {
    capture.answer("/tessa", CaptureServer.status(500));
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture))) {
      long id = open(app);
      app.runPaging();
      assertThat(capture.requests("/tessa")).hasSize(1);
      assertThat(EscalationIT.kinds(app.incident(id), "page.delivered")).isZero();

      app.clock.advance(Duration.ofSeconds(4));
      app.runPaging();
      assertThat(capture.requests("/tessa")).as("backoff is 5 s").hasSize(1);

      app.clock.advance(Duration.ofSeconds(1));
      app.runPaging();
      assertThat(capture.requests("/tessa")).hasSize(2);
      assertThat(EscalationIT.texts(app.incident(id), "page.delivered"))
          .containsExactly("Page delivered to Tessa via webhook");
    }
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
    capture.answer("/tessa", CaptureServer.status(429, "Retry-After", "30"));
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture))) {
      long id = open(app);
      app.runPaging();

      app.clock.advance(Duration.ofSeconds(29));
      app.runPaging();
      assertThat(capture.requests("/tessa")).hasSize(1);

      app.clock.advance(Duration.ofSeconds(1));
      app.runPaging();
      assertThat(capture.requests("/tessa")).hasSize(2);
      assertThat(EscalationIT.kinds(app.incident(id), "page.delivered")).isEqualTo(1);
    }
  }

  @Test
  void aChannelThatStaysDownIsStampedFailedAndEscalationGoesOn() {
    for (int i = 0; i < 20; i++) {
      capture.answer("/tessa", CaptureServer.status(503));
    }
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture))) {
      long id = open(app);
      app.runPaging();
      for (int second = 0; second < 290; second += 10) {
        app.clock.advance(Duration.ofSeconds(10));
        app.runPaging();
      }

      JsonNode incident = app.incident(id);
      assertThat(capture.requests("/tessa")).as("6 attempts, then no more").hasSize(6);
      assertThat(EscalationIT.texts(incident, "page.failed"))
          .singleElement()
          .asString()
          .startsWith(
              "Page to Tessa via webhook failed after 6 attempts: webhook answered HTTP 503");
      assertThat(capture.requests("/sam")).isEmpty();

      app.clock.advance(Duration.ofSeconds(10));
      app.runPaging();
      assertThat(capture.requests("/sam")).as("step 2 after 5 min").hasSize(1);
    }
  }

  @Test
  void aFailingContactDoesNotHoldUpTheOthers() {
    capture.answer("/tessa-phone", CaptureServer.status(500));
    var oncall =
        PagingSetup.team(
            List.of(
                PagingSetup.webhook(capture.url("/tessa-phone")),
                PagingSetup.webhook(capture.url("/tessa"))),
            List.of(PagingSetup.webhook(capture.url("/sam"))));
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), oncall)) {
      long id = open(app);
      app.runPaging();
      assertThat(capture.requests("/tessa")).hasSize(1);
      assertThat(EscalationIT.kinds(app.incident(id), "page.delivered")).isEqualTo(1);
    }
  }

  @Test
  void aChannelThatHangsIsCutOffAndHoldsUpNothing() throws Exception {
    try (ServerSocket hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> acceptAndNeverAnswer(hanging));
      acceptor.setDaemon(true);
      acceptor.start();
      var oncall =
          PagingSetup.team(
              List.of(
                  PagingSetup.webhook("http://127.0.0.1:" + hanging.getLocalPort() + "/hook"),
                  PagingSetup.webhook(capture.url("/tessa"))),
              List.of(PagingSetup.webhook(capture.url("/sam"))));
      FirebellConfig config =
          ConfigBuilder.from(TestApp.defaultConfig())
              .withPaging(new PagingConfig(null, 2, null, null, Duration.ofMillis(500), null, null))
              .build();
      try (TestApp app = TestApp.start(config, oncall)) {
        long id = open(app);
        Instant started = Instant.now();
        app.runPaging();
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(capture.requests("/tessa")).as("the other contact was paged").hasSize(1);

        app.clock.advance(Duration.ofMinutes(5));
        app.runPaging();
        assertThat(capture.requests("/sam")).as("escalation carried on").hasSize(1);
        assertThat(EscalationIT.texts(app.incident(id), "page.failed"))
            .singleElement()
            .asString()
            .contains("failed after 2 attempts")
            .containsPattern("timeout|timed out");
      }
    }
  }

  /** Twenty people whose contact hangs do not delay a working contact's page by a second. */
  @Test
  void twentyHangingContactsDoNotDelayAWorkingOne() throws Exception {
    try (ServerSocket hanging = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> acceptAndNeverAnswer(hanging));
      acceptor.setDaemon(true);
      acceptor.start();
      List<Contact> contacts = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        contacts.add(PagingSetup.webhook("http://127.0.0.1:" + hanging.getLocalPort() + "/" + i));
      }
      contacts.add(PagingSetup.webhook(capture.url("/tessa")));
      var oncall = PagingSetup.team(contacts, List.of(PagingSetup.webhook(capture.url("/sam"))));
      FirebellConfig config =
          ConfigBuilder.from(TestApp.defaultConfig())
              .withPaging(new PagingConfig(null, 2, null, null, Duration.ofSeconds(5), null, null))
              .build();
      try (TestApp app = TestApp.start(config, oncall)) {
        open(app);
        app.app().paging().scheduler().escalate();
        Instant started = Instant.now();
        app.app().paging().outbox().dispatchDue(app.clock.instant());
        while (capture.requests("/tessa").isEmpty()
            && Duration.between(started, Instant.now()).toMillis() < 5_000) {
          Thread.sleep(10);
        }
        Duration waited = Duration.between(started, Instant.now());
        assertThat(capture.requests("/tessa")).hasSize(1);
        assertThat(waited).as("the working contact's page").isLessThan(Duration.ofSeconds(1));
      }
    }
  }

  private static void acceptAndNeverAnswer(ServerSocket server) {
    List<Socket> held = new java.util.ArrayList<>();
    try {
      while (!server.isClosed()) {
        held.add(server.accept()); // read nothing, answer nothing
      }
    } catch (IOException closed) {
      held.forEach(
          socket -> {
            try {
              socket.close();
            } catch (IOException ignored) {
              // closing anyway
            }
          });
    }
  }

  @Test
  void pendingPagesAreSentOnceAfterARestartAndDeliveredOnesNeverAgain(@TempDir Path dir)
      throws Exception {
    FirebellConfig config =
        ConfigBuilder.from(TestApp.defaultConfig())
            .withDatabase(
                TestDatabases.postgresRun()
                    ? TestDatabases.freshPostgres()
                    : DatabaseConfig.of("jdbc:h2:file:" + dir.resolve("firebell")))
            .build();
    try (TestApp first = TestApp.start(config, PagingSetup.team(capture))) {
      open(first);
      first.app().paging().scheduler().escalate(); // queued in the outbox, not sent
    }
    assertThat(capture.requests("/tessa")).isEmpty();

    try (TestApp second = TestApp.startLive(config, PagingSetup.team(capture))) {
      awaitDelivered(second, 1);
      second.runPaging();
      second.runPaging();
    }
    try (TestApp third = TestApp.start(config, PagingSetup.team(capture))) {
      third.runPaging();
    }
    assertThat(capture.requests("/tessa")).hasSize(1);
  }

  /**
   * More new incidents at once than there are sender threads, at a receiver that takes 300 ms an
   * answer: the pages left when every thread was busy go out as threads free up, not one pool's
   * worth per poll interval (five minutes here) nor when a lease runs out.
   */
  @Test
  void aStormOfNewIncidentsIsPagedAsFastAsTheReceiverAnswers() throws InterruptedException {
    int incidents = 100;
    MockResponse slow =
        new MockResponse.Builder().code(200).body("ok").headersDelay(300, MILLISECONDS).build();
    capture.answer("/tessa", Collections.nCopies(incidents, slow).toArray(MockResponse[]::new));
    FirebellConfig config =
        ConfigBuilder.from(TestApp.defaultConfig())
            .withPaging(
                new PagingConfig(Duration.ofMinutes(5), null, null, null, null, null, 1_000))
            .build();
    try (TestApp app = TestApp.startLive(config, PagingSetup.team(capture))) {
      for (int group = 0; group < incidents; group++) {
        assertThat(
                app.postWebhook(
                        "/webhooks/alertmanager", Payloads.group("storm-" + group, group + 1))
                    .status())
            .isEqualTo(200);
      }
      Instant deadline = Instant.now().plusSeconds(20);
      while (capture.requests("/tessa").size() < incidents && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      assertThat(capture.requests("/tessa")).hasSize(incidents);
    }
  }

  /** The restarted instance sends the queued page by itself; wait until it is recorded. */
  private static void awaitDelivered(TestApp app, long incidentId) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (EscalationIT.kinds(app.incident(incidentId), "page.delivered") == 0
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertThat(EscalationIT.kinds(app.incident(incidentId), "page.delivered")).isEqualTo(1);
  }

  private static long open(TestApp app) {
    return app.postWebhook(
            "/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"))
        .json()
        .get("incidentId")
        .asLong();
  }
}
