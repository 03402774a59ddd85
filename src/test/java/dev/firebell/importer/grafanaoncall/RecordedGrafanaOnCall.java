package dev.firebell.importer.grafanaoncall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A Grafana OnCall instance's public API v1 answering from recorded answers
 * (src/test/resources/import/grafana-oncall) in the shapes of its API reference: list pages by
 * number ({@code users-1.json}, {@code users-2.json}), an iCal schedule's final shifts as recorded,
 * and the others' final shifts from {@link GrafanaOnCallRendering}.
 */
final class RecordedGrafanaOnCall implements AutoCloseable {
  static final String KEY = "meowmeowmeow";
  private static final ObjectMapper JSON = Json.mapper();

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

  RecordedGrafanaOnCall() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            Deque<MockResponse> queued = scripted.get(request.getUrl().encodedPath());
            MockResponse next = queued == null ? null : queued.poll();
            return next != null ? next : answer(request.getUrl());
          }
        });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return server.url("/").toString();
  }

  void script(String path, MockResponse... answers) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
  }

  List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private MockResponse answer(HttpUrl url) {
    List<String> path = url.pathSegments(); // api, v1, kind, [id, final_shifts], ""
    String kind = path.get(2);
    if (kind.equals("schedules") && path.size() > 4 && path.get(4).equals("final_shifts")) {
      return json(finalShifts(path.get(3), url));
    }
    String page = url.queryParameter("page") == null ? "1" : url.queryParameter("page");
    String body = resource(kind + "-" + page + ".json");
    return body == null
        ? new MockResponse(404, Headers.of(), "{\"detail\":\"Not found.\"}")
        : json(body);
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

  private static MockResponse json(String body) {
    return new MockResponse(200, Headers.of("Content-Type", "application/json"), body);
  }

  static String resource(String name) {
    try (InputStream in =
        RecordedGrafanaOnCall.class.getResourceAsStream("/import/grafana-oncall/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
