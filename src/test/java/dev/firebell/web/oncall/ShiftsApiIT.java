package dev.firebell.web.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.TestApp;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import org.junit.jupiter.api.Test;

/** The final schedule over the API: the shape tools read, and each bad window refused by name. */
class ShiftsApiIT {

  @Test
  void answersTheFinalScheduleAndRefusesABadWindowNamingTheField() {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture))) {
      // Weekly turns of Tessa alone, handed off Mondays 09:00 Denver time (16:00Z in winter).
      TestApp.Reply reply =
          app.getApi(
              "/api/schedules/primary/shifts?from=2026-11-30T00:00:00Z&to=2026-12-14T00:00:00Z");
      assertThat(reply.status()).isEqualTo(200);
      JsonNode body = reply.json();
      assertThat(body.get("schedule").asText()).isEqualTo("primary");
      assertThat(body.get("timeZone").asText()).isEqualTo("America/Denver");
      JsonNode shifts = body.get("shifts");
      assertThat(shifts).hasSize(1);
      assertThat(shifts.get(0).get("person").asText()).isEqualTo("tessa");
      assertThat(shifts.get(0).get("name").asText()).isEqualTo("Tessa");
      assertThat(shifts.get(0).get("start").asText()).isEqualTo("2026-11-30T00:00:00Z");
      assertThat(shifts.get(0).get("end").asText()).isEqualTo("2026-12-14T00:00:00Z");
      assertThat(shifts.get(0).get("source").asText()).isEqualTo("rotation");

      assertRefused(app, "?from=yesterday", 400, "from");
      assertRefused(app, "?from=2026-12-14T00:00:00Z&to=2026-11-30T00:00:00Z", 400, "to");
      assertRefused(app, "?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", 400, "to");
      TestApp.Reply unknown = app.getApi("/api/schedules/nope/shifts");
      assertThat(unknown.status()).isEqualTo(404);

      JsonNode rotation =
          app.getApi("/api/oncall").json().get("schedules").get(0).get("rotations").get(0);
      assertThat(rotation.get("start").asText()).isEqualTo("2026-01-05T09:00");
      assertThat(rotation.get("people")).hasSize(1);
      assertThat(rotation.get("priority").asInt()).isZero();
      assertThat(rotation.get("restrictions")).isEmpty();
      assertThat(rotation.get("end").isNull()).isTrue();
    }
  }

  private static void assertRefused(TestApp app, String query, int status, String field) {
    TestApp.Reply reply = app.getApi("/api/schedules/primary/shifts" + query);
    assertThat(reply.status()).as(query).isEqualTo(status);
    assertThat(reply.json().get("field").asText()).as(query).isEqualTo(field);
  }
}
