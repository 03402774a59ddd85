package dev.firebell.importer.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.importer.ImportFailed;
import dev.firebell.importer.VendorHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Opsgenie's REST API v2 as the importer reads it: {@code Authorization: GenieKey …}, answers in
 * {@code data}, and pagination by {@code offset} and {@code limit} with {@code paging.next}. Only
 * the offset is taken from {@code paging.next}: every request goes to the configured root, so the
 * key never leaves it.
 */
final class OpsgenieApi {
  private static final int LIMIT = 100;
  private static final int MAX_PAGES = 10_000;

  private final VendorHttp http;

  OpsgenieApi(VendorHttp http) {
    this.http = http;
  }

  static Map<String, String> headers(String key) {
    return Map.of("Authorization", "GenieKey " + key, "Accept", "application/json");
  }

  /** Every item of a list endpoint, following {@code paging.next} page by page. */
  List<JsonNode> all(String path) throws ImportFailed {
    List<JsonNode> items = new ArrayList<>();
    String separator = path.contains("?") ? "&" : "?";
    int offset = 0;
    for (int page = 0; page < MAX_PAGES; page++) {
      JsonNode body = http.get(path + separator + "limit=" + LIMIT + "&offset=" + offset);
      JsonNode data = data(body, path);
      data.forEach(items::add);
      Integer next = nextOffset(body.path("paging").path("next").asText(null));
      if (data.isEmpty() || next == null || next <= offset) {
        return items;
      }
      offset = next;
    }
    throw new ImportFailed("more than " + MAX_PAGES + " pages from " + http.url(path));
  }

  /** A list an endpoint answers whole. */
  List<JsonNode> list(String path) throws ImportFailed {
    List<JsonNode> items = new ArrayList<>();
    data(http.get(path), path).forEach(items::add);
    return items;
  }

  /** An endpoint whose {@code data} is one object. */
  JsonNode one(String path) throws ImportFailed {
    JsonNode data = http.get(path).path("data");
    if (!data.isObject()) {
      throw new ImportFailed("an answer without \"data\" from " + shown(path));
    }
    return data;
  }

  private JsonNode data(JsonNode body, String path) throws ImportFailed {
    JsonNode data = body.path("data");
    if (!data.isArray()) {
      throw new ImportFailed("an answer without \"data\" from " + shown(path));
    }
    return data;
  }

  private String shown(String path) {
    return http.url(path.split("\\?")[0]).toString();
  }

  private static Integer nextOffset(String next) {
    if (next == null || next.isBlank()) {
      return null;
    }
    HttpUrl url = HttpUrl.parse(next);
    String offset = url == null ? null : url.queryParameter("offset");
    try {
      return offset == null ? null : Integer.valueOf(offset);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
