package dev.firebell.text;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.util.function.Supplier;

/**
 * The Pebble engine for the templates under {@code resources/templates/} (pages and email),
 * escaping HTML by default. Built on first use: its extensions are a few hundred classes that no
 * webhook needs before Firebell is ready.
 */
public final class Templates implements Supplier<PebbleEngine> {
  private volatile PebbleEngine engine;

  @Override
  public PebbleEngine get() {
    PebbleEngine built = engine;
    if (built == null) {
      synchronized (this) {
        built = engine;
        if (built == null) {
          built = build();
          engine = built;
        }
      }
    }
    return built;
  }

  private static PebbleEngine build() {
    ClasspathLoader loader = new ClasspathLoader();
    loader.setPrefix("templates");
    return new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(true)
        .strictVariables(false)
        .build();
  }
}
