package dev.firebell.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration: ISO-8601 UTC times, records as objects. */
public final class Json {
  private Json() {}

  public static ObjectMapper mapper() {
    return JsonMapper.builder(factory())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /**
   * Jackson's default limits (names of 50,000 characters, strings of 20 million) would refuse a
   * legal alert label, and then the same label stored in the database; the request body limit
   * (ingest.maxBodyBytes) is what bounds every name and string instead.
   */
  private static JsonFactory factory() {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNameLength(Integer.MAX_VALUE)
                .maxStringLength(Integer.MAX_VALUE)
                .build())
        .build();
  }

  /** Writes a value Firebell built itself; failing to is a bug, not bad input. */
  public static String write(ObjectMapper json, Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a message could not be written as JSON", e);
    }
  }
}
