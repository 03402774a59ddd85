package dev.firebell.maintenance;

import dev.firebell.config.FirebellConfig;
import dev.firebell.store.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Maintenance windows from {@code firebell.yaml} and from the API, and the question paging asks: is
 * an alert with these labels in maintenance right now?
 */
public final class Maintenance {
  private final Jdbi jdbi;
  private final List<MaintenanceWindow> configured;
  private final Clock clock;

  /** Maintenance with the windows firebell.yaml declares. */
  public static Maintenance configured(Jdbi jdbi, FirebellConfig config, Clock clock) {
    List<MaintenanceWindow> windows =
        config.maintenance().stream()
            .map(
                entry ->
                    new MaintenanceWindow(
                        null,
                        entry.match(),
                        entry.fromTime().toInstant(),
                        entry.toTime().toInstant(),
                        entry.reason(),
                        "firebell.yaml"))
            .toList();
    return new Maintenance(jdbi, windows, clock);
  }

  public Maintenance(Jdbi jdbi, List<MaintenanceWindow> configured, Clock clock) {
    this.jdbi = jdbi;
    this.configured = List.copyOf(configured);
    this.clock = clock;
  }

  /**
   * The window that silences these labels at {@code at}, if any, read on the caller's transaction
   * (paging asks while it holds the incident's: a second connection could wait on a full pool).
   */
  public Optional<MaintenanceWindow> activeFor(
      Handle handle, Map<String, String> labels, Instant at) {
    return windows(new MaintenanceRepository(handle), at).stream()
        .filter(w -> w.activeAt(at) && w.matches(labels))
        .findFirst();
  }

  /** Windows active now or scheduled ahead. */
  public List<MaintenanceWindow> current() {
    Instant now = clock.instant();
    return Repositories.with(jdbi, MaintenanceRepository::new, r -> windows(r, now));
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

  private List<MaintenanceWindow> windows(MaintenanceRepository repository, Instant at) {
    List<MaintenanceWindow> windows = new ArrayList<>();
    configured.stream().filter(w -> w.endsAt().isAfter(at)).forEach(windows::add);
    windows.addAll(repository.current(at));
    windows.sort(Comparator.comparing(MaintenanceWindow::startsAt));
    return windows;
  }
}
