package dev.firebell.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.json.JsonPaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a webhook body into a {@link WebhookPayload}, or an {@link InvalidPayload} that says what
 * is wrong in words a Grafana admin can act on. The body is read as a stream, one alert at a time,
 * so a group of 20,000 alerts never exists as one JSON tree in memory.
 */
final class PayloadParser {
  private final ObjectMapper json;

  PayloadParser(ObjectMapper json) {
    this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  WebhookPayload parse(byte[] body) {
    return parse(new ByteArrayInputStream(body));
  }

  /**
   * Reads the body to its end.
   *
   * @throws BodyTooLarge from the stream, when the sender writes more than the limit
   */
  WebhookPayload parse(InputStream body) {
    try (JsonParser parser = json.getFactory().createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InvalidPayload(null, "the body is empty; expected a JSON object");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new InvalidPayload(
            null,
            "expected a JSON object with an \"alerts\" array (Grafana's default webhook body), got "
                + describe(first)
                + "; a custom payload template must keep the default shape");
      }
      return readObject(parser);
    } catch (JsonMappingException e) {
      String field = JsonPaths.of(e, "body");
      throw new InvalidPayload(field, field + " has the wrong type: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new InvalidPayload(null, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      if (e.getCause() instanceof BodyTooLarge tooLarge) {
        throw tooLarge;
      }
      throw new InvalidPayload(null, "the body could not be read: " + e.getMessage());
    }
  }

  /** Every field but {@code alerts} is small and read as a tree; alerts are bound one by one. */
  private WebhookPayload readObject(JsonParser parser) throws IOException {
    ObjectNode fields = json.createObjectNode();
    List<PayloadAlert> alerts = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("alerts") && alerts == null) {
        if (value != JsonToken.START_ARRAY) {
          throw new InvalidPayload("alerts", "\"alerts\" must be an array");
        }
        alerts = readAlerts(parser);
      } else {
        fields.set(name, json.readTree(parser));
      }
    }
    if (alerts == null) {
      if (fields.has("evalMatches") || fields.has("ruleName") || fields.has("ruleUrl")) {
        throw new InvalidPayload(
            null,
            "this is Grafana's legacy (pre-8) alerting format, which Firebell does not accept;"
                + " use Grafana unified alerting with a contact point of type webhook");
      }
      throw new InvalidPayload("alerts", "the required field \"alerts\" is missing");
    }
    if (alerts.isEmpty()) {
      throw new InvalidPayload("alerts", "\"alerts\" must contain at least one alert");
    }
    return json.treeToValue(fields, WebhookPayload.class).withAlerts(alerts);
  }

  private List<PayloadAlert> readAlerts(JsonParser parser) throws IOException {
    List<PayloadAlert> alerts = new ArrayList<>();
    SharedTexts shared = new SharedTexts();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token == null) {
        throw new InvalidPayload("alerts", "the body ends inside the \"alerts\" array");
      }
      try {
        alerts.add(
            token == JsonToken.VALUE_NULL
                ? null
                : shared.share(json.readValue(parser, PayloadAlert.class)));
      } catch (JsonMappingException e) {
        String field = JsonPaths.of(e, null);
        String path = "alerts[" + alerts.size() + "]" + (field == null ? "" : "." + field);
        throw new InvalidPayload(path, path + " has the wrong type: " + e.getOriginalMessage());
      }
    }
    return alerts;
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "a null";
      default -> "a " + token.name().toLowerCase();
    };
  }
}
