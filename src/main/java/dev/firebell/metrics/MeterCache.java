package dev.firebell.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Meters kept by their name and tag values. Micrometer's builder makes an id, sorts its tags and
 * runs the registry's filters before it finds a meter registered before; on the webhook and send
 * paths, which count every request, that lookup cost more than the count.
 */
final class MeterCache<M> {
  private final Map<List<String>, M> meters = new ConcurrentHashMap<>();

  /** The meter for {@code key} (its name, then its tag values), registered on first use. */
  M get(List<String> key, Supplier<M> register) {
    M meter = meters.get(key);
    return meter != null ? meter : meters.computeIfAbsent(key, k -> register.get());
  }
}
