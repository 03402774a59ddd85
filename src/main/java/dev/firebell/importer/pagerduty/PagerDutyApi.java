package dev.firebell.importer.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.importer.ImportFailed;
import dev.firebell.importer.VendorHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PagerDuty's REST API v2 as the importer reads it: {@code Authorization: Token token=…} with the
 * v2 media type, and classic pagination ({@code offset}, {@code limit}, {@code more}).
 */
final class PagerDutyApi {
  static final String MEDIA_TYPE = "application/vnd.pagerduty+json;version=2";
  private static final int LIMIT = 100;
  private static final int MAX_PAGES = 10_000;

  private final VendorHttp http;

  PagerDutyApi(VendorHttp http) {
    this.http = http;
  }

  static Map<String, String> headers(String token) {
    return Map.of("Authorization", "Token token=" + token, "Accept", MEDIA_TYPE);
  }

  /** Every item of a list endpoint: {@code path} (with its own query, if any) page by page. */
  List<JsonNode> all(String path, String key) throws ImportFailed {
    List<JsonNode> items = new ArrayList<>();
    String separator = path.contains("?") ? "&" : "?";
    int offset = 0;
    for (int page = 0; page < MAX_PAGES; page++) {
      JsonNode body = http.get(path + separator + "limit=" + LIMIT + "&offset=" + offset);
      JsonNode list = body.path(key);
      if (!list.isArray()) {
        throw new ImportFailed(
            "an answer without \"" + key + "\" from " + http.url(path.split("\\?")[0]));
      }
      list.forEach(items::add);
      offset += list.size();
      if (!body.path("more").asBoolean(false) || list.isEmpty()) {
        return items;
      }
    }
    throw new ImportFailed("more than " + MAX_PAGES + " pages from " + http.url(path));
  }

  /** A list an endpoint answers whole (overrides within a window). */
  List<JsonNode> list(String path, String key) throws ImportFailed {
    JsonNode list = http.get(path).path(key);
    if (!list.isArray()) {
      throw new ImportFailed(
          "an answer without \"" + key + "\" from " + http.url(path.split("\\?")[0]));
    }
    List<JsonNode> items = new ArrayList<>();
    list.forEach(items::add);
    return items;
  }

  JsonNode one(String path, String key) throws ImportFailed {
    JsonNode item = http.get(path).path(key);
    if (!item.isObject()) {
      throw new ImportFailed(
          "an answer without \"" + key + "\" from " + http.url(path.split("\\?")[0]));
    }
    return item;
  }
}
