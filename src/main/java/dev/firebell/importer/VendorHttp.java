package dev.firebell.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * GETs JSON from a vendor's API with its own authentication header. A {@code 429} waits for its
 * {@code Retry-After} (or a second) and asks again; a 5xx or a connection failure is tried {@value
 * #TRIES} times in all. Anything else that is not 2xx, or a body that is not JSON, ends the import
 * with one line naming the status and the URL (without its query, and never the token).
 */
public final class VendorHttp {
  static final int TRIES = 3;
  private static final int MAX_RATE_LIMITED = 20;
  private static final Duration BACKOFF = Duration.ofMillis(500);
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(2);

  private final OkHttpClient client;
  private final HttpUrl root;
  private final Map<String, String> headers;
  private final ObjectMapper json;
  private final Sleeper sleeper;

  /**
   * @param root the API root as the vendor documents it; paths are resolved below it
   * @param headers sent with every request: the vendor's authentication and media type
   */
  public VendorHttp(
      OkHttpClient client,
      String root,
      Map<String, String> headers,
      ObjectMapper json,
      Sleeper sleeper)
      throws ImportFailed {
    HttpUrl parsed = HttpUrl.parse(root);
    if (parsed == null) {
      throw new ImportFailed("--url '" + root + "' is not an http(s) URL");
    }
    this.client = client;
    this.root = parsed;
    this.headers = Map.copyOf(headers);
    this.json = json;
    this.sleeper = sleeper;
  }

  /** The URL of {@code path} (which may carry a query) below the root. */
  public HttpUrl url(String path) {
    String base = root.toString();
    String joined =
        (base.endsWith("/") ? base : base + "/")
            + (path.startsWith("/") ? path.substring(1) : path);
    return HttpUrl.get(joined);
  }

  public JsonNode get(String path) throws ImportFailed {
    return get(url(path));
  }

  public JsonNode get(HttpUrl url) throws ImportFailed {
    Request.Builder request = new Request.Builder().url(url).get();
    headers.forEach(request::header);
    int failures = 0;
    int rateLimited = 0;
    while (true) {
      try (Response response = client.newCall(request.build()).execute()) {
        int status = response.code();
        if (status == 429 && rateLimited++ < MAX_RATE_LIMITED) {
          pause(retryAfter(response.header("Retry-After")));
          continue;
        }
        if (status >= 500 && ++failures < TRIES) {
          pause(BACKOFF.multipliedBy(failures));
          continue;
        }
        if (status < 200 || status >= 300) {
          throw new ImportFailed(
              status + " " + reason(status, response.message()) + " from " + shown(url));
        }
        return read(response.body(), url);
      } catch (IOException e) {
        if (++failures >= TRIES) {
          throw new ImportFailed("could not reach " + shown(url) + ": " + e.getMessage(), e);
        }
        pause(BACKOFF.multipliedBy(failures));
      }
    }
  }

  private JsonNode read(ResponseBody body, HttpUrl url) throws ImportFailed, IOException {
    try {
      JsonNode node = json.readTree(body.byteStream());
      if (node == null || node.isMissingNode()) {
        throw new ImportFailed("an empty answer from " + shown(url));
      }
      return node;
    } catch (JacksonException e) {
      throw new ImportFailed(
          "an answer that is not JSON from " + shown(url) + ": " + e.getOriginalMessage(), e);
    }
  }

  private void pause(Duration duration) throws ImportFailed {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportFailed("interrupted while waiting to retry", e);
    }
  }

  /** {@code Retry-After} in seconds (the form these vendors send), else a second. */
  static Duration retryAfter(String header) {
    if (header != null) {
      try {
        long seconds = Long.parseLong(header.strip());
        if (seconds >= 0) {
          Duration wait = Duration.ofSeconds(seconds);
          return wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
        }
      } catch (NumberFormatException e) {
        // An HTTP date or garbage: wait the default.
      }
    }
    return Duration.ofSeconds(1);
  }

  /** The URL as printed: scheme, host, port and path, never the query. */
  static String shown(HttpUrl url) {
    return url.newBuilder().query(null).build().toString();
  }

  /** HTTP/2 answers carry no reason phrase: the standard one for the usual statuses. */
  static String reason(int status, String message) {
    if (message != null && !message.isBlank()) {
      return message.strip();
    }
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "HTTP error";
    };
  }
}
