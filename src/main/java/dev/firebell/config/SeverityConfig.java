package dev.firebell.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the value of an alert label (by default {@code severity}) to an incident severity. Matching
 * ignores case; a label value that already is a severity (such as {@code SEV-2}) is kept. {@code
 * urgency} maps severities to an urgency: SEV-1 and SEV-2 high, SEV-3 and SEV-4 low by default, and
 * high for a severity it does not name.
 */
public record SeverityConfig(
    String label,
    Map<String, String> map,
    @JsonProperty("default") String defaultSeverity,
    Map<String, Urgency> urgency) {

  public SeverityConfig {
    label = label == null || label.isBlank() ? "severity" : label;
    map = map == null ? defaultMap() : lowerCaseKeys(map);
    defaultSeverity = defaultSeverity == null ? "SEV-3" : defaultSeverity;
    urgency = urgency == null ? defaultUrgency() : Map.copyOf(urgency);
  }

  public SeverityConfig(String label, Map<String, String> map, String defaultSeverity) {
    this(label, map, defaultSeverity, null);
  }

  public static SeverityConfig defaults() {
    return new SeverityConfig(null, null, null, null);
  }

  private static Map<String, Urgency> defaultUrgency() {
    return Map.of(
        "SEV-1", Urgency.HIGH, "SEV-2", Urgency.HIGH, "SEV-3", Urgency.LOW, "SEV-4", Urgency.LOW);
  }

  /** The urgency of an incident of {@code severity}: high unless {@code urgency} says low. */
  public Urgency urgencyFor(String severity) {
    return urgency.getOrDefault(severity, Urgency.HIGH);
  }

  private static Map<String, String> defaultMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("critical", "SEV-1");
    map.put("high", "SEV-2");
    map.put("warning", "SEV-3");
    map.put("info", "SEV-4");
    return Map.copyOf(map);
  }

  private static Map<String, String> lowerCaseKeys(Map<String, String> map) {
    Map<String, String> lower = new LinkedHashMap<>();
    map.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
    return lower;
  }

  /** Every severity an incident can have: the mapped ones, then the default. */
  public Set<String> severities() {
    Set<String> all = new LinkedHashSet<>(map.values());
    all.add(defaultSeverity);
    return Collections.unmodifiableSet(all);
  }

  /** The severity for a label value, or the default when it is missing or unknown. */
  public String severityFor(String labelValue) {
    if (labelValue == null || labelValue.isBlank()) {
      return defaultSeverity;
    }
    String mapped = map.get(labelValue.strip().toLowerCase(Locale.ROOT));
    if (mapped != null) {
      return mapped;
    }
    String upper = labelValue.strip().toUpperCase(Locale.ROOT);
    return map.containsValue(upper) ? upper : defaultSeverity;
  }
}
