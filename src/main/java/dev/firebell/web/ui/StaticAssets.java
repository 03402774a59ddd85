package dev.firebell.web.ui;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The stylesheet, read once from the jar; the only static asset the pages need. */
public final class StaticAssets {
  private final byte[] css;

  public StaticAssets() {
    try (InputStream in = StaticAssets.class.getResourceAsStream("/static/firebell.css")) {
      this.css = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void css(Context ctx) {
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType("text/css; charset=utf-8").result(css);
  }
}
