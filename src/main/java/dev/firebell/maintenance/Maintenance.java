package dev.firebell.maintenance;

import dev.firebell.store.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Maintenance windows from {@code firebell.yaml} and from the API, and the question paging asks: is
 * an alert with these labels in maintenance right now?
 */
public final class Maintenance {
  private final Jdbi jdbi;
  private final List<MaintenanceWindow> configured;
  private final Clock clock;

  public Maintenance(Jdbi jdbi, List<MaintenanceWindow> configured, Clock clock) {
    this.jdbi = jdbi;
    this.configured = List.copyOf(configured);
    this.clock = clock;
  }

  /** The window that silences these labels at {@code at}, if any. */
  public Optional<MaintenanceWindow> activeFor(Map<String, String> labels, Instant at) {
    return windows(at).stream().filter(w -> w.activeAt(at) && w.matches(labels)).findFirst();
  }

  /** Windows active now or scheduled ahead. */
  public List<MaintenanceWindow> current() {
    return windows(clock.instant());
  }

  public MaintenanceWindow add(
      Map<String, String> match,
      Instant startsAt,
      Instant endsAt,
      String reason,
      String createdBy) {
    long id =
        Repositories.with(
            jdbi,
            MaintenanceRepository::new,
            r -> r.insert(match, startsAt, endsAt, reason, createdBy, clock.instant()));
    return new MaintenanceWindow(id, Map.copyOf(match), startsAt, endsAt, reason, createdBy);
  }

  /** Ends an API window now; false when there is no such window still running or ahead. */
  public boolean end(long id) {
    return Repositories.with(jdbi, MaintenanceRepository::new, r -> r.end(id, clock.instant()))
        == 1;
  }

  private List<MaintenanceWindow> windows(Instant at) {
    List<MaintenanceWindow> windows = new ArrayList<>();
    configured.stream().filter(w -> w.endsAt().isAfter(at)).forEach(windows::add);
    windows.addAll(Repositories.with(jdbi, MaintenanceRepository::new, r -> r.current(at)));
    windows.sort(Comparator.comparing(MaintenanceWindow::startsAt));
    return windows;
  }
}
