package dev.firebell.importer.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.importer.RecordedApi;
import dev.firebell.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;

/**
 * PagerDuty's REST API v2 answering from recorded answers (src/test/resources/import/pagerduty), in
 * the shapes of its API reference: list pages by offset ({@code users-0.json}, {@code
 * users-4.json}), each schedule, its overrides, and the rendered final schedule of {@link
 * PagerDutyRendering}.
 */
final class RecordedPagerDuty extends RecordedApi {
  static final String TOKEN = "y_NbAkKc66ryYTWUXYEu";
  private static final ObjectMapper JSON = Json.mapper();

  private final Function<String, String> files;

  RecordedPagerDuty() {
    this(name -> RecordedApi.resource("pagerduty", name));
  }

  /** With the recorded answers {@code files} gives by name ("users-0.json"). */
  RecordedPagerDuty(Function<String, String> files) {
    super();
    this.files = files;
  }

  static String resource(String name) {
    return RecordedApi.resource("pagerduty", name);
  }

  @Override
  protected MockResponse answer(HttpUrl url) {
    List<String> path = url.pathSegments();
    String first = path.get(0);
    if (path.size() == 1 && url.queryParameter("offset") != null) {
      String page = files.apply(first + "-" + url.queryParameter("offset") + ".json");
      return page == null ? notFound() : json(page);
    }
    return first.equals("schedules") ? schedules(url, path) : notFound();
  }

  private MockResponse schedules(HttpUrl url, List<String> path) {
    String id = path.get(1);
    if (path.size() == 3) {
      return json(overrides(id));
    }
    String schedule = files.apply("schedule-" + id + ".json");
    if (schedule == null) {
      return notFound();
    }
    if (url.queryParameter("since") == null) {
      return json(schedule);
    }
    try {
      JsonNode rendered =
          PagerDutyRendering.render(
              JSON,
              JSON.readTree(schedule),
              JSON.readTree(overrides(id)),
              Instant.parse(url.queryParameter("since")),
              Instant.parse(url.queryParameter("until")));
      return json(JSON.writeValueAsString(rendered));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String overrides(String scheduleId) {
    String own = files.apply("overrides-" + scheduleId + ".json");
    return own != null ? own : files.apply("overrides-empty.json");
  }
}
