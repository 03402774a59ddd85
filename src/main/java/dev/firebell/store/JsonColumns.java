package dev.firebell.store;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;

/**
 * Label maps and Grafana's {@code values} are stored as JSON text in {@code CHARACTER VARYING}
 * columns (not CLOB, which H2 moves to slower LOB storage), so both H2 and PostgreSQL read them.
 */
final class JsonColumns {
  private JsonColumns() {}

  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  // Reading plain maps and trees needs no configuration, so one shared reader serves every row.
  private static final ObjectMapper READER = Json.mapper();

  /** Binds maps and JSON trees as JSON text; rows are read back through {@link Rows}. */
  static void install(Jdbi jdbi, ObjectMapper json) {
    jdbi.registerArgument(new JsonArguments(json));
  }

  static Map<String, String> readMap(String text) {
    return text == null ? Map.of() : read(() -> READER.readValue(text, STRING_MAP));
  }

  /** The text of one top-level field of a JSON object; null when absent or not text. */
  static String readField(String text, String name) {
    if (text == null) {
      return null;
    }
    return read(
        () -> {
          try (JsonParser parser = READER.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
              throw new JsonParseException(parser, "expected a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              boolean wanted = name.equals(parser.currentName());
              JsonToken value = parser.nextToken();
              if (wanted) {
                return value == JsonToken.VALUE_STRING ? parser.getText() : null;
              }
              parser.skipChildren();
            }
            return null;
          }
        });
  }

  static JsonNode readTree(String text) {
    return text == null ? null : read(() -> READER.readTree(text));
  }

  private interface JsonRead<T> {
    T read() throws IOException;
  }

  private static <T> T read(JsonRead<T> reader) {
    try {
      return reader.read();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
    } catch (IOException e) { // text held in memory: nothing to read from but the string
      throw new UncheckedIOException(e);
    }
  }

  /** Binds maps and JSON trees as their JSON text. */
  private record JsonArguments(ObjectMapper json) implements ArgumentFactory.Preparable {
    @Override
    public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
      Class<?> erased = GenericTypes.getErasedType(type);
      if (!Map.class.isAssignableFrom(erased) && !JsonNode.class.isAssignableFrom(erased)) {
        return Optional.empty();
      }
      return Optional.of(
          value ->
              (position, statement, context) -> {
                if (value == null) {
                  statement.setNull(position, Types.VARCHAR);
                } else {
                  statement.setString(position, write(value));
                }
              });
    }

    private String write(Object value) {
      try {
        return json.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
      }
    }
  }
}
