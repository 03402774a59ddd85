package dev.firebell.importer.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * Opsgenie's REST API v2 answering from recorded answers (src/test/resources/import/opsgenie) in
 * the shapes of its API reference, with the schedule timelines of {@link OpsgenieRendering}.
 */
final class RecordedOpsgenie implements AutoCloseable {
  static final String KEY = "eb243592-faa2-4ba2-a551q-1afdf565c889";
  private static final ObjectMapper JSON = Json.mapper();

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

  RecordedOpsgenie() {
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
    List<String> path = url.pathSegments(); // v2, kind, id, ...
    String kind = path.get(1);
    String file =
        switch (kind) {
          case "users" ->
              path.size() == 2
                  ? "users-" + url.queryParameter("offset") + ".json"
                  : switch (path.get(3)) {
                    case "contacts" -> "contacts-" + path.get(2) + ".json";
                    default ->
                        path.size() == 4
                            ? "rules-" + path.get(2) + ".json"
                            : "steps-" + path.get(2) + "-" + path.get(4) + ".json";
                  };
          case "schedules" -> schedules(url, path);
          case "escalations" -> "escalations.json";
          case "teams" -> path.size() == 2 ? "teams.json" : "routing-" + path.get(2) + ".json";
          default -> null;
        };
    if (file != null && file.startsWith("{")) {
      return json(file);
    }
    String body = file == null ? null : resource(file);
    return body == null
        ? new MockResponse(404, Headers.of(), "{\"message\":\"Not found\",\"took\":0.01}")
        : json(body);
  }

  /** A file name, or for a timeline the rendered answer itself. */
  private String schedules(HttpUrl url, List<String> path) {
    if (path.size() == 2) {
      return "schedules.json";
    }
    String id = path.get(2);
    if (path.get(3).equals("overrides")) {
      return resource("overrides-" + id + ".json") != null
          ? "overrides-" + id + ".json"
          : "overrides-empty.json";
    }
    try {
      JsonNode schedule = null;
      for (JsonNode candidate : JSON.readTree(resource("schedules.json")).path("data")) {
        if (candidate.path("id").asText().equals(id)) {
          schedule = candidate;
        }
      }
      String overrides = resource("overrides-" + id + ".json");
      Instant from = Instant.parse(url.queryParameter("date"));
      Instant to = from.plus(Duration.ofDays(Long.parseLong(url.queryParameter("interval"))));
      return JSON.writeValueAsString(
          OpsgenieRendering.timeline(
              JSON,
              schedule,
              JSON.readTree(overrides == null ? resource("overrides-empty.json") : overrides),
              from,
              to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse(200, Headers.of("Content-Type", "application/json"), body);
  }

  static String resource(String name) {
    try (InputStream in = RecordedOpsgenie.class.getResourceAsStream("/import/opsgenie/" + name)) {
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
