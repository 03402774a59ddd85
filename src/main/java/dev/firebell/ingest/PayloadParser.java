package dev.firebell.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.json.JsonPaths;
import java.io.IOException;

/**
 * Turns a webhook body into a {@link WebhookPayload}, or an {@link InvalidPayload} that says what
 * is wrong in words a Grafana admin can act on.
 */
final class PayloadParser {
  private final ObjectMapper json;

  PayloadParser(ObjectMapper json) {
    this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  WebhookPayload parse(byte[] body) {
    JsonNode tree = readTree(body);
    if (!tree.isObject()) {
      throw new InvalidPayload(
          null,
          "expected a JSON object with an \"alerts\" array (Grafana's default webhook body), got "
              + describe(tree)
              + "; a custom payload template must keep the default shape");
    }
    if (!tree.has("alerts")) {
      if (tree.has("evalMatches") || tree.has("ruleName") || tree.has("ruleUrl")) {
        throw new InvalidPayload(
            null,
            "this is Grafana's legacy (pre-8) alerting format, which Firebell does not accept;"
                + " use Grafana unified alerting with a contact point of type webhook");
      }
      throw new InvalidPayload("alerts", "the required field \"alerts\" is missing");
    }
    if (!tree.get("alerts").isArray()) {
      throw new InvalidPayload("alerts", "\"alerts\" must be an array");
    }
    if (tree.get("alerts").isEmpty()) {
      throw new InvalidPayload("alerts", "\"alerts\" must contain at least one alert");
    }
    return bind(tree);
  }

  private JsonNode readTree(byte[] body) {
    try {
      JsonNode tree = json.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        throw new InvalidPayload(null, "the body is empty; expected a JSON object");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new InvalidPayload(null, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidPayload(null, "the body could not be read: " + e.getMessage());
    }
  }

  private WebhookPayload bind(JsonNode tree) {
    try {
      return json.treeToValue(tree, WebhookPayload.class);
    } catch (JsonMappingException e) {
      String field = JsonPaths.of(e, "body");
      throw new InvalidPayload(field, field + " has the wrong type: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new InvalidPayload(null, "the body could not be read: " + e.getOriginalMessage());
    }
  }

  private static String describe(JsonNode tree) {
    return tree.isArray() ? "an array" : "a " + tree.getNodeType().name().toLowerCase();
  }
}
