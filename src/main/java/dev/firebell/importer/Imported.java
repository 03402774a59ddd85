package dev.firebell.importer;

import dev.firebell.oncall.OnCall;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An import's result: the rota in Firebell's model, its ids in the vendor's order (for the file),
 * the vendor's id of each imported schedule by Firebell id in the vendor's order (for {@code
 * --verify}), and the report.
 */
public record Imported(
    OnCall oncall,
    OnCallYaml.Order order,
    Map<String, String> vendorScheduleIds,
    ImportReport report) {
  public Imported {
    vendorScheduleIds = Collections.unmodifiableMap(new LinkedHashMap<>(vendorScheduleIds));
  }
}
