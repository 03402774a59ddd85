package dev.firebell.importer.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.importer.RecordedApi;
import dev.firebell.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;

/**
 * Opsgenie's REST API v2 answering from recorded answers (src/test/resources/import/opsgenie) in
 * the shapes of its API reference, with the schedule timelines of {@link OpsgenieRendering}.
 */
final class RecordedOpsgenie extends RecordedApi {
  static final String KEY = "eb243592-faa2-4ba2-a551q-1afdf565c889";
  private static final ObjectMapper JSON = Json.mapper();

  RecordedOpsgenie() {
    super();
  }

  static String resource(String name) {
    return RecordedApi.resource("opsgenie", name);
  }

  @Override
  protected MockResponse answer(HttpUrl url) {
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
    return body == null ? notFound() : json(body);
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
}
