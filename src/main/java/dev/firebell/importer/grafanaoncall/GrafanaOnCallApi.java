package dev.firebell.importer.grafanaoncall;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.importer.ImportFailed;
import dev.firebell.importer.VendorHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Grafana OnCall's public API v1 as the importer reads it: the API key as the raw {@code
 * Authorization} value, lists in {@code results} with a {@code next} page. Only the page number is
 * taken from {@code next}: every request goes to the configured root, so the key never leaves it.
 */
final class GrafanaOnCallApi {
  private static final int MAX_PAGES = 10_000;

  private final VendorHttp http;

  GrafanaOnCallApi(VendorHttp http) {
    this.http = http;
  }

  static Map<String, String> headers(String key) {
    return Map.of("Authorization", key, "Accept", "application/json");
  }

  /** Every item of a list endpoint ({@code users/}, relative to the API URL), page by page. */
  List<JsonNode> all(String path) throws ImportFailed {
    List<JsonNode> items = new ArrayList<>();
    String separator = path.contains("?") ? "&" : "?";
    String page = null;
    for (int count = 0; count < MAX_PAGES; count++) {
      JsonNode body = http.get(page == null ? path : path + separator + "page=" + page);
      JsonNode results = body.path("results");
      if (!results.isArray()) {
        throw new ImportFailed(
            "an answer without \"results\" from " + http.url(path.split("\\?")[0]));
      }
      results.forEach(items::add);
      String next = nextPage(body.path("next").asText(null));
      if (next == null || results.isEmpty() || next.equals(page)) {
        return items;
      }
      page = next;
    }
    throw new ImportFailed("more than " + MAX_PAGES + " pages from " + http.url(path));
  }

  private static String nextPage(String next) {
    if (next == null || next.isBlank() || next.equals("null")) {
      return null;
    }
    HttpUrl url = HttpUrl.parse(next);
    return url == null ? null : url.queryParameter("page");
  }
}
