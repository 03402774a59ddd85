package dev.firebell.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in every string of a parsed YAML tree.
 * Expanding after parsing means a secret's value can never change the structure of the file.
 */
final class EnvExpander {
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Map<String, String> environment;
  private final String file;

  EnvExpander(Map<String, String> environment, String file) {
    this.environment = environment;
    this.file = file;
  }

  /** Expands the tree in place, naming the key of any variable that is unset without default. */
  void expand(JsonNode node, String path) {
    if (node instanceof ObjectNode object) {
      List<String> fields = new ArrayList<>();
      object.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        JsonNode child = object.get(field);
        String childPath = path.isEmpty() ? field : path + "." + field;
        replaceText(child, childPath, value -> object.set(field, value));
        expand(child, childPath);
      }
    } else if (node instanceof ArrayNode array) {
      for (int index = 0; index < array.size(); index++) {
        int position = index;
        String childPath = path + "[" + index + "]";
        replaceText(array.get(index), childPath, value -> array.set(position, value));
        expand(array.get(index), childPath);
      }
    }
  }

  private void replaceText(JsonNode child, String path, Consumer<JsonNode> replace) {
    if (child != null && child.isTextual()) {
      replace.accept(TextNode.valueOf(expandText(child.textValue(), path)));
    }
  }

  private String expandText(String text, String path) {
    return replaceAll(
        text,
        reference -> {
          String name = reference.group(1);
          String fallback = reference.group(2);
          String value = environment.get(name);
          if (value != null && !(value.isEmpty() && fallback != null)) {
            return value;
          }
          if (fallback != null) {
            return fallback;
          }
          throw new ConfigException(
              file,
              path,
              "environment variable "
                  + name
                  + " is not set (set it, or write ${"
                  + name
                  + ":-default})");
        });
  }

  private static String replaceAll(String text, Function<Matcher, String> by) {
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(result, Matcher.quoteReplacement(by.apply(matcher)));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}
