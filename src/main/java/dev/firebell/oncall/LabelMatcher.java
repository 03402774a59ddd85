package dev.firebell.oncall;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher in Alertmanager's syntax: {@code name=value}, {@code name!=value}, {@code
 * name=~regex} or {@code name!~regex}, the value bare or in double quotes with OpenMetrics escapes
 * ({@code \"}, {@code \n}, {@code \\}). A regular expression is anchored at both ends, as
 * Alertmanager anchors it, and a label the incident lacks matches as the empty string. Pure.
 */
public record LabelMatcher(String name, Type type, String value, Pattern pattern) {
  /** The four operators. */
  public enum Type {
    EQUAL("="),
    NOT_EQUAL("!="),
    REGEX("=~"),
    NOT_REGEX("!~");

    private final String operator;

    Type(String operator) {
      this.operator = operator;
    }

    static Type of(String operator) {
      for (Type type : values()) {
        if (type.operator.equals(operator)) {
          return type;
        }
      }
      throw new IllegalArgumentException("unknown operator " + operator);
    }
  }

  /** The matcher as Alertmanager writes it, its value quoted: {@code service="checkout"}. */
  public String text() {
    String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    return name + type.operator + "\"" + escaped + "\"";
  }

  // '=~' comes before '=' so that '=~' is not read as '=' followed by a value starting with '~'.
  private static final Pattern SYNTAX =
      Pattern.compile("^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(=~|=|!=|!~)\\s*((?s).*?)\\s*$");

  /**
   * Reads one matcher.
   *
   * @throws IllegalArgumentException naming what is wrong, as Alertmanager words it
   */
  public static LabelMatcher parse(String text) {
    Matcher parts = SYNTAX.matcher(text);
    if (!parts.matches()) {
      throw new IllegalArgumentException("bad matcher format: " + text);
    }
    String raw = parts.group(3);
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("matcher value is not present: " + text);
    }
    Type type = Type.of(parts.group(2));
    String value = unescape(raw);
    Pattern pattern = null;
    if (type == Type.REGEX || type == Type.NOT_REGEX) {
      try {
        pattern = Pattern.compile("^(?:" + value + ")$");
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "error parsing regexp: " + e.getDescription() + " in " + value);
      }
    }
    return new LabelMatcher(parts.group(1), type, value, pattern);
  }

  /** The value without its quotes and escapes; an unescaped quote inside it is refused. */
  private static String unescape(String raw) {
    boolean quoted = raw.charAt(0) == '"';
    String body = quoted ? raw.substring(1) : raw;
    StringBuilder value = new StringBuilder();
    boolean closed = !quoted;
    for (int index = 0; index < body.length(); index++) {
      char c = body.charAt(index);
      if (c == '\\' && index < body.length() - 1) {
        char next = body.charAt(++index);
        switch (next) {
          case 'n' -> value.append('\n');
          case '"', '\\' -> value.append(next);
          default -> value.append('\\').append(next); // a spurious escape is a literal backslash
        }
      } else if (c == '"') {
        if (!quoted || index < body.length() - 1) {
          throw new IllegalArgumentException(
              "matcher value contains unescaped double quote: " + raw);
        }
        closed = true;
      } else {
        value.append(c);
      }
    }
    if (!closed) {
      throw new IllegalArgumentException("matcher value contains unescaped double quote: " + raw);
    }
    return value.toString();
  }

  /** Whether the incident's labels satisfy this matcher. */
  public boolean matches(Map<String, String> labels) {
    String actual = labels.getOrDefault(name, "");
    return switch (type) {
      case EQUAL -> actual.equals(value);
      case NOT_EQUAL -> !actual.equals(value);
      case REGEX -> pattern.matcher(actual).matches();
      case NOT_REGEX -> !pattern.matcher(actual).matches();
    };
  }
}
