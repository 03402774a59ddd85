package dev.firebell.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps one copy of each text and each label set a notification repeats. The alerts of one group
 * mostly share their label names and values, their annotations and their URLs; parsed one by one
 * they would each hold their own copies, on the heap until the whole group is recorded (a storm's
 * 20,000 alerts made about 40 MB of repeated strings and maps). One instance serves one body.
 */
final class SharedTexts {
  private final Map<String, String> texts = new HashMap<>();
  private final Map<Map<String, String>, Map<String, String>> maps = new HashMap<>();

  /** The alert with its repeated parts replaced by the copies seen before in this body. */
  PayloadAlert share(PayloadAlert alert) {
    return new PayloadAlert(
        text(alert.status()),
        map(alert.labels()),
        map(alert.annotations()),
        text(alert.startsAt()),
        text(alert.endsAt()),
        text(alert.generatorURL()),
        alert.fingerprint(), // one per alert: nothing to share
        text(alert.silenceURL()),
        text(alert.dashboardURL()),
        text(alert.panelURL()),
        text(alert.imageURL()),
        alert.values(),
        text(alert.valueString()));
  }

  private String text(String text) {
    if (text == null) {
      return null;
    }
    String known = texts.putIfAbsent(text, text);
    return known == null ? text : known;
  }

  /**
   * Shared maps are read-only, so no alert can change another's labels. A map equal to one seen
   * before, in another order, takes the earlier one's order. The stored key is the shared copy, so
   * the parsed original with its own strings is not kept.
   */
  private Map<String, String> map(Map<String, String> map) {
    if (map.isEmpty()) {
      return Map.of();
    }
    Map<String, String> known = maps.get(map);
    if (known != null) {
      return known;
    }
    Map<String, String> shared = CompactTextMap.of(map, this::text);
    maps.put(shared, shared);
    return shared;
  }
}
