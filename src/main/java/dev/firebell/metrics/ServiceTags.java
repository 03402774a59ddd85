package dev.firebell.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the {@code service} tag: the first {@link #MAX_SERVICES} services seen keep their own
 * series, every later one is counted as {@code other}, so one sender with a label per request
 * cannot grow Prometheus without bound.
 */
final class ServiceTags {
  static final int MAX_SERVICES = 50;
  static final String OTHER = "other";

  private final Set<String> known = ConcurrentHashMap.newKeySet();

  String tagFor(String service) {
    if (known.contains(service)) {
      return service;
    }
    synchronized (known) {
      if (known.size() < MAX_SERVICES) {
        known.add(service);
        return service;
      }
    }
    return OTHER;
  }
}
