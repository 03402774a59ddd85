package dev.firebell.web;

import dev.firebell.text.Templates;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders the HTML pages from Pebble templates; Pebble escapes every value for HTML. */
public final class Pages {
  private final Templates templates;

  public Pages(Templates templates) {
    this.templates = templates;
  }

  public String render(String template, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      templates.get().getTemplate(template).evaluate(out, model);
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
