package dev.firebell.postmortem;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.firebell.config.ConfigException;
import dev.firebell.config.PostmortemConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's postmortem template, in Mustache (logic-less). The draft is Markdown, so values are
 * written as they are: the drafter has already escaped what came from alerts.
 */
public final class PostmortemTemplate {
  private static final String BUILT_IN = "/postmortem/postmortem.md.mustache";

  private final Mustache mustache;

  private PostmortemTemplate(Mustache mustache) {
    this.mustache = mustache;
  }

  /**
   * Reads and compiles the configured template.
   *
   * @throws ConfigException naming the file and the line when it cannot be read or parsed
   */
  public static PostmortemTemplate load(PostmortemConfig config) {
    Path path = config.path();
    if (config.isExplicit() || Files.exists(path)) {
      try {
        return compile(Files.readString(path), path.toString());
      } catch (IOException e) {
        throw new ConfigException(
            path.toString(), "cannot read the postmortem template (" + e + ")");
      }
    }
    try (InputStream in = PostmortemTemplate.class.getResourceAsStream(BUILT_IN)) {
      return compile(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in postmortem template");
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the built-in postmortem template is missing", e);
    }
  }

  static PostmortemTemplate compile(String text, String name) {
    try {
      return new PostmortemTemplate(
          new MarkdownMustacheFactory().compile(new StringReader(text), name));
    } catch (MustacheException e) {
      throw new ConfigException(
          name,
          "postmortem template does not parse: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  String render(Postmortem postmortem) {
    StringWriter out = new StringWriter(postmortem.bodyLength() + 4096);
    try {
      render(postmortem, out);
    } catch (IOException e) { // a StringWriter does not throw it
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes the draft to {@code out} as it renders, and leaves flushing and closing to the caller.
   */
  void render(Postmortem postmortem, Writer out) throws IOException {
    TidyMarkdownWriter tidy = new TidyMarkdownWriter(out);
    try {
      mustache.execute(tidy, postmortem.toTemplateContext());
    } catch (MustacheException e) { // Mustache wraps what the writer threw
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof IOException failedWrite) {
          throw failedWrite;
        }
      }
      throw e;
    }
    tidy.finish();
  }

  /** Mustache without HTML escaping: the output is Markdown, not HTML. */
  private static final class MarkdownMustacheFactory extends DefaultMustacheFactory {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new MustacheException("writing the draft failed", e);
      }
    }

    @Override
    public Reader getReader(String resourceName) {
      throw new MustacheException("partials are not supported: " + resourceName);
    }
  }
}
