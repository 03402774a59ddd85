package dev.firebell.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Firebell's counters and timers, kept by name and tags. Micrometer's builder makes an id, sorts
 * its tags and runs the registry's filters before it finds a meter registered before; on the
 * webhook and send paths, which count every request, that lookup cost more than the count.
 */
final class MeterCache {
  private final MeterRegistry registry;
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

  MeterCache(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param tags names and values, alternating
   */
  Counter counter(String name, String description, String... tags) {
    return cached(
        counters,
        name,
        tags,
        () -> Counter.builder(name).description(description).tags(tags).register(registry));
  }

  /**
   * @param objectives the histogram's buckets, or none
   * @param tags names and values, alternating
   */
  Timer timer(String name, String description, Duration[] objectives, String... tags) {
    return cached(
        timers,
        name,
        tags,
        () ->
            Timer.builder(name)
                .description(description)
                .tags(tags)
                .serviceLevelObjectives(objectives)
                .register(registry));
  }

  private static <M> M cached(
      Map<List<String>, M> meters, String name, String[] tags, Supplier<M> make) {
    String[] key = new String[tags.length + 1];
    key[0] = name;
    System.arraycopy(tags, 0, key, 1, tags.length);
    List<String> id = List.of(key);
    M meter = meters.get(id);
    return meter != null ? meter : meters.computeIfAbsent(id, k -> make.get());
  }
}
