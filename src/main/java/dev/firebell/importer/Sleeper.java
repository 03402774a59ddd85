package dev.firebell.importer;

import java.time.Duration;

/** Waits between attempts; tests count the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
