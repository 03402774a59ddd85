package dev.firebell.web;

import io.javalin.http.Context;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders the HTML pages from Pebble templates; Pebble escapes every value for HTML. */
public final class Pages {
  private final PebbleEngine engine;

  public Pages(PebbleEngine engine) {
    this.engine = engine;
  }

  /** The engine for templates under {@code resources/templates/}, escaping HTML by default. */
  public static PebbleEngine engine() {
    ClasspathLoader loader = new ClasspathLoader();
    loader.setPrefix("templates");
    return new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(true)
        .strictVariables(false)
        .build();
  }

  public String render(String template, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(template).evaluate(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Writes a page that must never be cached, indexed or leak its URL as a referrer. */
  public void sendPrivate(Context ctx, int status, String template, Map<String, Object> model) {
    SecurityHeaders.apply(ctx);
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Robots-Tag", "noindex");
    ctx.status(status).html(render(template, model));
  }
}
