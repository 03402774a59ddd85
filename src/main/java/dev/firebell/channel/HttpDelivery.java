package dev.firebell.channel;

import dev.firebell.outbox.DeliveryFailure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one HTTP request for a channel and sorts the answer: 2xx is delivered; 408, 429 and 5xx and
 * network errors are retried (honouring Retry-After); any other status is final.
 */
public final class HttpDelivery {
  private static final Logger log = LoggerFactory.getLogger(HttpDelivery.class);

  private final Supplier<OkHttpClient> build;
  private final Clock clock;
  private volatile OkHttpClient client;

  /**
   * @param build makes the client on first use: building it loads TLS and the system's trust store,
   *     a quarter of a second no webhook needs before Firebell is ready
   */
  public HttpDelivery(Supplier<OkHttpClient> build, Clock clock) {
    this.build = build;
    this.clock = clock;
  }

  /** The shared client, for calls that read their answers themselves (the sign-in provider). */
  public OkHttpClient client() {
    OkHttpClient made = client;
    if (made == null) {
      synchronized (this) {
        made = client;
        if (made == null) {
          made = build.get();
          client = made;
        }
      }
    }
    return made;
  }

  /** Makes the client now, on a thread of its own, so the first page does not wait for it. */
  public void prepareInBackground() {
    Thread thread = new Thread(this::client, "http-client-setup");
    thread.setDaemon(true);
    thread.start();
  }

  public void execute(Request request, String channel) throws DeliveryFailure {
    call(request, channel);
  }

  /** As {@link #execute}, returning the 2xx answer's body (empty when it has none). */
  public String call(Request request, String channel) throws DeliveryFailure {
    try (Response response = client().newCall(request).execute()) {
      int code = response.code();
      if (code >= 200 && code < 300) {
        ResponseBody body = response.body();
        return body == null ? "" : body.string();
      }
      throw DeliveryFailure.answered(
          channel + " answered HTTP " + code + excerpt(response.body()),
          code,
          retryAfter(response.header("Retry-After"), clock.instant()));
    } catch (IOException e) {
      throw DeliveryFailure.retryable(channel + " unreachable: " + e.getMessage());
    }
  }

  /**
   * Sends a request without waiting for its answer (a reply Slack's 3 seconds leave no time to wait
   * for); a failure is logged, since nothing waits on it.
   */
  public void sendLater(Request request, String what) {
    client
        .newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                log.warn("{} failed: {}", what, e.getMessage());
              }

              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  if (!response.isSuccessful()) {
                    log.warn("{} answered HTTP {}", what, response.code());
                  }
                }
              }
            });
  }

  private static String excerpt(ResponseBody body) throws IOException {
    if (body == null) {
      return "";
    }
    String text = body.string().strip();
    if (text.isEmpty()) {
      return "";
    }
    return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
  }

  /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
