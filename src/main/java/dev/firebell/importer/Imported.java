package dev.firebell.importer;

import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Route;
import dev.firebell.oncall.Schedule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** What an importer read, each map in the vendor's order, as a rota and its file's order. */
  public static Imported of(
      Map<String, Person> people,
      Map<String, Schedule> schedules,
      Map<String, EscalationPolicy> policies,
      List<Route> routes,
      Map<String, String> vendorScheduleIds,
      ImportReport report) {
    OnCall oncall =
        new OnCall(
            Map.copyOf(people),
            Map.copyOf(schedules),
            Map.copyOf(policies),
            List.copyOf(routes),
            List.of());
    OnCallYaml.Order order =
        new OnCallYaml.Order(
            List.copyOf(people.keySet()),
            List.copyOf(schedules.keySet()),
            List.copyOf(policies.keySet()));
    return new Imported(oncall, order, vendorScheduleIds, report);
  }
}
