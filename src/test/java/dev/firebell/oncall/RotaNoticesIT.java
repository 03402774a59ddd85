package dev.firebell.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.MutableClock;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.TestDatabases;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.config.OnCallSettings;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.oncall.contact.UrlContact;
import dev.firebell.paging.CaptureServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Hand-off notices and shift swaps through the real server: a shift's person is told once when it
 * begins (and an hour before), even by two instances on one PostgreSQL; a request for cover asks
 * the others, the first to press "Take this shift" wins, and a request nobody took lapses.
 */
class RotaNoticesIT {
  /** The test clock starts on Sat 28 Nov 2026 16:10Z, inside Tessa's week (23–30 Nov). */
  private static OnCall team(CaptureServer capture) {
    Map<String, Person> people = new java.util.HashMap<>();
    for (String id : List.of("tessa", "sam", "kim")) {
      people.put(
          id,
          new Person(
              id,
              id.substring(0, 1).toUpperCase() + id.substring(1),
              List.of(new UrlContact(ContactType.WEBHOOK, capture.url("/" + id)))));
    }
    Schedule primary =
        new Schedule(
            "primary",
            ZoneId.of("America/Denver"),
            List.of(
                new Rotation(
                    LocalDateTime.parse("2026-01-05T09:00"),
                    Duration.ofDays(7),
                    List.of("sam", "tessa", "kim"))),
            List.of());
    EscalationPolicy policy =
        new EscalationPolicy(
            "default",
            List.of(
                new EscalationStep(
                    List.of(new Target(Target.Kind.SCHEDULE, "primary")), Duration.ofMinutes(5))),
            0);
    return new OnCall(
        Map.copyOf(people),
        Map.of("primary", primary),
        Map.of("default", policy),
        List.of(new Route(Map.of(), "default")),
        List.of());
  }

  /** Mon 30 Nov 09:00 in Denver: Tessa hands over to Kim. */
  private static final Instant HANDOFF = Instant.parse("2026-11-30T16:00:00Z");

  @Test
  void aShiftsPersonIsToldOnceAnHourBeforeAndOnceAtTheStartByTwoInstancesOnPostgres()
      throws Exception {
    FirebellConfig config =
        ConfigBuilder.from(TestApp.defaultConfig())
            .withDatabase(TestDatabases.freshPostgres())
            .withOnCall(new OnCallSettings(null, Duration.ofHours(1)))
            .build();
    assertHandOffNoticesOnce(config);
  }

  @Test
  void aShiftsPersonIsToldOnceOnThisRunsDatabase() throws Exception {
    assertHandOffNoticesOnce(
        ConfigBuilder.from(TestApp.defaultConfig())
            .withOnCall(new OnCallSettings(null, Duration.ofHours(1)))
            .build());
  }

  private static void assertHandOffNoticesOnce(FirebellConfig config) throws Exception {
    MutableClock clock = MutableClock.at("2026-11-30T14:58:00Z");
    try (CaptureServer capture = new CaptureServer();
        TestApp first = TestApp.start(config, team(capture), clock);
        TestApp second = TestApp.start(config, team(capture), clock)) {
      for (Instant at = clock.instant();
          at.isBefore(HANDOFF.plus(Duration.ofMinutes(15)));
          at = at.plus(Duration.ofMinutes(1))) {
        clock.set(at);
        first.app().oncall().handoffs().run(at);
        second.app().oncall().handoffs().run(at);
        first.runPaging();
        second.runPaging();
      }
      List<JsonNode> notices = capture.json("/kim");
      assertThat(notices).hasSize(2);
      assertThat(notices).allSatisfy(n -> assertThat(n.get("kind").asText()).isEqualTo("handoff"));
      assertThat(notices.get(0).get("title").asText()).startsWith("Your shift begins soon");
      assertThat(notices.get(1).get("title").asText()).startsWith("You are on call now");
      JsonNode notice = notices.get(1);
      assertThat(notice.get("schedule").asText()).isEqualTo("primary");
      assertThat(notice.get("from").asText()).isEqualTo("2026-11-30T16:00:00Z");
      assertThat(notice.get("until").asText()).isEqualTo("2026-12-07T16:00:00Z");
      assertThat(notice.get("handingOver").get(0).asText()).isEqualTo("Tessa");
      assertThat(notice.get("person").get("id").asText()).isEqualTo("kim");
      assertThat(notice.get("text").asText())
          .contains("Mon 30 Nov 09:00 – Mon 7 Dec 09:00 (America/Denver)")
          .contains("Tessa hands over to you");
      assertThat(capture.requests("/tessa")).isEmpty();
    }
  }

  @Test
  void theFirstToTakeAShiftWinsAndTheOthersAreToldItIsTaken() throws Exception {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), team(capture))) {
      assertThat(onCallAt(app, "2026-11-29T20:00:00Z")).containsExactly("tessa");
      Reply requested =
          post(
              app,
              "/api/schedules/primary/swaps",
              "{\"requester\": \"tessa\", \"from\": \"2026-11-29T16:00:00Z\","
                  + " \"to\": \"2026-11-30T04:00:00Z\", \"reason\": \"wedding\"}");
      assertThat(requested.status()).as(requested.body()).isEqualTo(201);
      assertThat(requested.json().get("asked").toString()).isEqualTo("[\"sam\",\"kim\"]");
      app.runPaging();
      String samLink = link(capture, "/sam");
      String kimLink = link(capture, "/kim");
      assertThat(capture.json("/sam").get(0).get("title").asText())
          .isEqualTo(
              "Tessa asks for cover: primary, Sun 29 Nov 09:00 – Sun 29 Nov 21:00 (America/Denver)");
      Reply shown = get(app, samLink);
      assertThat(shown.status()).isEqualTo(200);
      assertThat(shown.body()).contains("Take this shift as Sam").contains("wedding");

      List<Reply> presses = pressAtOnce(app, samLink, kimLink);
      assertThat(presses).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
      String winner = presses.get(0).status() == 200 ? "sam" : "kim";
      String loserLink = winner.equals("sam") ? kimLink : samLink;
      assertThat(presses.get(winner.equals("sam") ? 1 : 0).body()).contains("already taken by");

      JsonNode overrides = app.getApi("/api/schedules/primary/overrides").json().get("overrides");
      assertThat(overrides).hasSize(1);
      assertThat(overrides.get(0).get("person").asText()).isEqualTo(winner);
      assertThat(overrides.get(0).get("replaces").asText()).isEqualTo("tessa");
      assertThat(onCallAt(app, "2026-11-29T20:00:00Z")).containsExactly(winner);
      assertThat(onCallAt(app, "2026-11-30T05:00:00Z")).containsExactly("tessa");
      assertThat(get(app, loserLink).body()).contains("already taken by");
      assertThat(post(app, URI.create(loserLink).getPath(), "").status()).isEqualTo(409);

      app.runPaging();
      assertThat(capture.json("/tessa"))
          .extracting(n -> n.get("kind").asText())
          .containsExactly("cover-taken");
      assertThat(capture.json("/" + winner))
          .extracting(n -> n.get("kind").asText())
          .containsExactly("cover-request", "cover-taken");
      assertThat(app.getApi("/api/schedules/primary/swaps").json().get("swaps")).isEmpty();

      app.clock.set(Instant.parse("2026-11-29T20:00:00Z"));
      app.open("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
      app.runPaging();
      assertThat(capture.json("/" + winner).get(2).get("kind").asText()).isEqualTo("page");
    }
  }

  @Test
  void aRequestNobodyTookLapsesAndTheRequesterIsTold() {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), team(capture))) {
      assertThat(
              post(
                      app,
                      "/api/schedules/primary/swaps",
                      "{\"requester\": \"sam\", \"from\": \"2026-11-28T20:00:00Z\","
                          + " \"to\": \"2026-11-28T22:00:00Z\"}")
                  .json()
                  .get("field")
                  .asText())
          .as("sam is not on call then")
          .isEqualTo("requester");
      post(
          app,
          "/api/schedules/primary/swaps",
          "{\"requester\": \"tessa\", \"from\": \"2026-11-28T20:00:00Z\","
              + " \"to\": \"2026-11-28T22:00:00Z\"}");
      app.runPaging();
      String samLink = link(capture, "/sam");

      app.clock.set(Instant.parse("2026-11-28T20:00:01Z"));
      app.app().oncall().swaps().expireLapsed();
      app.app().oncall().swaps().expireLapsed();
      app.runPaging();
      assertThat(capture.json("/tessa"))
          .extracting(n -> n.get("kind").asText())
          .containsExactly("cover-expired");
      assertThat(get(app, samLink).status()).as("the link ends with the request").isEqualTo(410);
      assertThat(app.getApi("/api/schedules/primary/overrides").json().get("overrides")).isEmpty();
    }
  }

  private static List<Reply> pressAtOnce(TestApp app, String... links) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(links.length);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (String link : links) {
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return post(app, URI.create(link).getPath(), "");
                }));
      }
      start.countDown();
      List<Reply> done = new ArrayList<>();
      for (Future<Reply> reply : replies) {
        done.add(reply.get());
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String link(CaptureServer capture, String path) {
    return capture.json(path).get(0).get("actionUrl").asText();
  }

  private static List<String> onCallAt(TestApp app, String at) {
    return app.getApi("/api/oncall?at=" + at)
        .json()
        .get("schedules")
        .get(0)
        .get("onCall")
        .findValuesAsText("id");
  }

  private static Reply get(TestApp app, String publicUrl) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url(URI.create(publicUrl).getPath()))));
  }

  private static Reply post(TestApp app, String path, String body) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
