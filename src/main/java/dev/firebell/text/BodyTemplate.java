package dev.firebell.text;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request body written as a Mustache template (the {@code http} channel's {@code body}). Each
 * value is escaped for the body's content type, so text from an alert cannot break out of its
 * place: JSON string escaping for {@code application/json}, URL encoding for form bodies, XML
 * escaping for XML, and none for plain text. Compiled once; rendering is thread-safe.
 */
public final class BodyTemplate {
  public static final List<String> METHODS = List.of("POST", "PUT", "PATCH");
  public static final String DEFAULT_CONTENT_TYPE = "application/json";

  private final Mustache mustache;

  private BodyTemplate(Mustache mustache) {
    this.mustache = mustache;
  }

  /** Compiles {@code text}; throws {@link MustacheException} when it does not parse. */
  public static BodyTemplate compile(String text, String contentType) {
    return new BodyTemplate(
        new EscapingFactory(Escape.of(contentType)).compile(new StringReader(text), "body"));
  }

  /** Why {@code text} does not compile, or empty when it does. */
  public static Optional<String> problem(String text, String contentType) {
    try {
      compile(text, contentType);
      return Optional.empty();
    } catch (MustacheException e) {
      return Optional.of(
          "the template does not parse: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  public static String method(String method) {
    return method == null || method.isBlank() ? "POST" : method.toUpperCase(Locale.ROOT);
  }

  public static String contentType(String contentType) {
    return contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType;
  }

  public String render(Map<String, Object> scope) {
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }

  private enum Escape {
    JSON,
    FORM,
    XML,
    NONE;

    static Escape of(String contentType) {
      String type = contentType.toLowerCase(Locale.ROOT);
      if (type.contains("json")) {
        return JSON;
      }
      if (type.contains("x-www-form-urlencoded")) {
        return FORM;
      }
      if (type.contains("xml") || type.contains("html")) {
        return XML;
      }
      return NONE;
    }

    String apply(String value) {
      return switch (this) {
        case JSON -> json(value);
        case FORM -> URLEncoder.encode(value, StandardCharsets.UTF_8);
        case XML ->
            value
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
        case NONE -> value;
      };
    }

    /** The inside of a JSON string: the template supplies the quotes. */
    private static String json(String value) {
      StringBuilder out = new StringBuilder(value.length() + 8);
      for (int index = 0; index < value.length(); index++) {
        char c = value.charAt(index);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20 || c == '\u2028' || c == '\u2029') {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      return out.toString();
    }
  }

  private static final class EscapingFactory extends DefaultMustacheFactory {
    private final Escape escape;

    EscapingFactory(Escape escape) {
      this.escape = escape;
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(escape.apply(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Reader getReader(String resourceName) {
      throw new MustacheException("partials are not supported: " + resourceName);
    }
  }
}
