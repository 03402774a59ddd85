package dev.firebell.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON request body checked field by field: unknown fields and wrong types get a 400 naming the
 * field, before anything is changed.
 */
public final class JsonBody {
  private final ObjectNode node;
  private final String prefix;

  private JsonBody(ObjectNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  public static JsonBody parse(ObjectMapper json, String body, Set<String> allowed) {
    JsonNode tree;
    try {
      tree = json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JsonProcessingException e) {
      throw new HttpProblem(400, "the body is not valid JSON: " + e.getOriginalMessage(), "body");
    }
    if (!(tree instanceof ObjectNode object)) {
      throw new HttpProblem(400, "the body must be a JSON object", "body");
    }
    return new JsonBody(object, "").only(allowed);
  }

  JsonBody only(Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new HttpProblem(400, "unknown field '" + path(name) + "'", path(name));
      }
    }
    return this;
  }

  boolean has(String field) {
    return node.has(field);
  }

  /** An array of strings; empty when absent or JSON null. */
  List<String> texts(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw wrongType(field, "an array of strings");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw wrongType(field, "an array of strings");
      }
      texts.add(item.textValue());
    }
    return List.copyOf(texts);
  }

  /** A string, or null when absent or JSON null. */
  public String text(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(field, "a string");
    }
    return value.textValue();
  }

  String requiredText(String field) {
    String value = text(field);
    if (value == null || value.isBlank()) {
      throw new HttpProblem(400, path(field) + " is required", path(field));
    }
    return value;
  }

  Long wholeNumber(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToExactIntegral() || value.asLong() < 0) {
      throw wrongType(field, "a whole number of at least 0");
    }
    return value.asLong();
  }

  Double number(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw wrongType(field, "a number");
    }
    return value.asDouble();
  }

  Instant instant(String field) {
    String value = text(field);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw wrongType(field, "an ISO-8601 time with offset, like 2026-11-28T20:00:00Z");
    }
  }

  /**
   * An ISO-8601 time with an offset, or a local wall-clock time ({@code 2026-12-24T09:00}) read in
   * {@code zone}; in a daylight-saving gap the time moves forward, in an overlap the earlier one
   * counts.
   */
  public Instant instantIn(String field, ZoneId zone) {
    String value = text(field);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notWithOffset) {
      try {
        return LocalDateTime.parse(value).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw wrongType(
            field,
            "an ISO-8601 time, with an offset (2026-12-24T09:00:00Z) or in the schedule's time"
                + " zone (2026-12-24T09:00)");
      }
    }
  }

  LocalDate date(String field) {
    String value = text(field);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw wrongType(field, "a date like 2026-12-15");
    }
  }

  /** A nested object, or null when absent or JSON null. */
  JsonBody object(String field, Set<String> allowed) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!(value instanceof ObjectNode object)) {
      throw wrongType(field, "an object");
    }
    return new JsonBody(object, path(field) + ".").only(allowed);
  }

  /** An object of string values (labels), empty when absent or JSON null. */
  Map<String, String> strings(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!(value instanceof ObjectNode object)) {
      throw wrongType(field, "an object of strings");
    }
    Map<String, String> strings = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (!entry.getValue().isTextual()) {
        String path = path(field) + "." + entry.getKey();
        throw new HttpProblem(400, path + " must be a string", path);
      }
      strings.put(entry.getKey(), entry.getValue().asText());
    }
    return strings;
  }

  /** The objects of an array field, or null when absent or JSON null. */
  List<JsonBody> objects(String field, Set<String> allowed) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw wrongType(field, "an array");
    }
    List<JsonBody> items = new ArrayList<>();
    for (int index = 0; index < value.size(); index++) {
      String itemPath = path(field) + "[" + index + "]";
      if (!(value.get(index) instanceof ObjectNode object)) {
        throw new HttpProblem(400, itemPath + " must be an object", itemPath);
      }
      items.add(new JsonBody(object, itemPath + ".").only(allowed));
    }
    return items;
  }

  String path(String field) {
    return prefix + field;
  }

  private HttpProblem wrongType(String field, String expected) {
    return new HttpProblem(400, path(field) + " must be " + expected, path(field));
  }
}
