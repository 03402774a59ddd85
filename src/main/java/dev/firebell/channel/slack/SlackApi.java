package dev.firebell.channel.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.channel.JsonPost;
import dev.firebell.json.Json;
import dev.firebell.outbox.DeliveryFailure;
import java.util.Set;
import okhttp3.Request;

/**
 * Slack's Web API as the app calls it: a JSON body with the bot token as a Bearer credential, sent
 * only to the configured {@code apiUrl}. Slack answers HTTP 200 with {@code "ok": false} and an
 * {@code error} for what it refused; HTTP 429 with Retry-After when rate limited.
 */
public final class SlackApi {
  /** Errors Slack documents as passing: tried again, the others are final. */
  private static final Set<String> PASSING =
      Set.of(
          "ratelimited",
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "team_added_to_org");

  private final HttpDelivery http;
  private final SlackConfig config;
  private final ObjectMapper json;

  public SlackApi(HttpDelivery http, SlackConfig config, ObjectMapper json) {
    this.http = http;
    this.config = config;
    this.json = json;
  }

  /** Calls {@code method} ({@code chat.postMessage}, {@code chat.update}); its answer when ok. */
  public JsonNode call(String method, ObjectNode body) throws DeliveryFailure {
    Request request =
        JsonPost.to(config.apiUrl() + "/" + method, Json.write(json, body))
            .newBuilder()
            .header("Authorization", "Bearer " + config.botToken())
            .build();
    String text = http.call(request, "slack");
    JsonNode answer;
    try {
      answer = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw DeliveryFailure.retryable("slack " + method + " answered something that is not JSON");
    }
    if (answer.path("ok").asBoolean(false)) {
      return answer;
    }
    String error = answer.path("error").asText("an unnamed error");
    String message = "slack " + method + " refused it: " + error;
    throw PASSING.contains(error)
        ? DeliveryFailure.retryable(message)
        : DeliveryFailure.permanent(message);
  }
}
