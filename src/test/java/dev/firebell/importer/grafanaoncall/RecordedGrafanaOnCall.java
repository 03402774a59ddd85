package dev.firebell.importer.grafanaoncall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.importer.RecordedApi;
import dev.firebell.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;

/**
 * A Grafana OnCall instance's public API v1 answering from recorded answers
 * (src/test/resources/import/grafana-oncall) in the shapes of its API reference: list pages by
 * number ({@code users-1.json}, {@code users-2.json}), an iCal schedule's final shifts as recorded,
 * and the others' final shifts from {@link GrafanaOnCallRendering}.
 */
final class RecordedGrafanaOnCall extends RecordedApi {
  static final String KEY = "meowmeowmeow";
  private static final ObjectMapper JSON = Json.mapper();

  RecordedGrafanaOnCall() {
    super();
  }

  static String resource(String name) {
    return RecordedApi.resource("grafana-oncall", name);
  }

  @Override
  protected MockResponse answer(HttpUrl url) {
    List<String> path = url.pathSegments(); // api, v1, kind, [id, final_shifts], ""
    String kind = path.get(2);
    if (kind.equals("schedules") && path.size() > 4 && path.get(4).equals("final_shifts")) {
      return json(finalShifts(path.get(3), url));
    }
    String page = url.queryParameter("page") == null ? "1" : url.queryParameter("page");
    String body = resource(kind + "-" + page + ".json");
    return body == null ? notFound() : json(body);
  }

  private String finalShifts(String scheduleId, HttpUrl url) {
    String recorded = resource("final_shifts-" + scheduleId + ".json");
    if (recorded != null) {
      return recorded;
    }
    try {
      JsonNode schedule = null;
      for (JsonNode candidate : JSON.readTree(resource("schedules-1.json")).path("results")) {
        if (candidate.path("id").asText().equals(scheduleId)) {
          schedule = candidate;
        }
      }
      List<JsonNode> shifts = new ArrayList<>();
      for (JsonNode shift : JSON.readTree(resource("on_call_shifts-1.json")).path("results")) {
        for (JsonNode id : schedule.path("shifts")) {
          if (id.asText().equals(shift.path("id").asText())) {
            shifts.add(shift);
          }
        }
      }
      Instant from =
          LocalDate.parse(url.queryParameter("start_date"))
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant();
      Instant to =
          LocalDate.parse(url.queryParameter("end_date")).atStartOfDay(ZoneOffset.UTC).toInstant();
      return JSON.writeValueAsString(
          GrafanaOnCallRendering.finalShifts(JSON, schedule, shifts, from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
