package dev.firebell.json;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Names a field of a JSON or YAML document as a person would: {@code alerts[0].labels}. */
public final class JsonPaths {
  private JsonPaths() {}

  /** The path of the field a mapping error is about, or {@code fallback} at the top level. */
  public static String of(JsonMappingException error, String fallback) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : error.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? fallback : path.toString();
  }
}
