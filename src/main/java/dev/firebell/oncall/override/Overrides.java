package dev.firebell.oncall.override;

import dev.firebell.oncall.Rota;
import dev.firebell.oncall.ScheduleOverride;
import dev.firebell.store.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runtime overrides: added, listed and removed here, stored for every instance, and seen at once by
 * this instance's {@link Rota}. Callers check requests with {@link OverrideRules} first.
 */
public final class Overrides {
  private static final Logger log = LoggerFactory.getLogger(Overrides.class);

  private final Jdbi jdbi;
  private final Rota rota;
  private final Clock clock;

  public Overrides(Jdbi jdbi, Rota rota, Clock clock) {
    this.jdbi = jdbi;
    this.rota = rota;
    this.clock = clock;
  }

  /** Stores a checked override; returns it with its id. */
  public ScheduleOverride add(String scheduleId, ScheduleOverride override) {
    ScheduleOverride stored = jdbi.inTransaction(handle -> add(handle, scheduleId, override));
    rota.overridesChanged();
    return stored;
  }

  /** As {@link #add(String, ScheduleOverride)}, inside the caller's transaction. */
  public ScheduleOverride add(Handle handle, String scheduleId, ScheduleOverride override) {
    long id = new OverrideRepository(handle).insert(scheduleId, override, clock.instant());
    ScheduleOverride stored =
        new ScheduleOverride(
            id,
            override.person(),
            override.from(),
            override.to(),
            override.replaces(),
            override.reason(),
            override.by());
    log.info(
        "schedule {}: {} on call {} – {} ({})",
        scheduleId,
        override.person(),
        override.from(),
        override.to(),
        stored.describe());
    return stored;
  }

  /** A schedule's runtime overrides running now or ahead, oldest first. */
  public List<ScheduleOverride> upcoming(String scheduleId) {
    Instant now = clock.instant();
    return Repositories.with(jdbi, OverrideRepository::new, r -> r.ofSchedule(scheduleId, now))
        .stream()
        .map(OverrideRepository.StoredOverride::override)
        .toList();
  }

  /** Removes an override; false when the schedule has none with that id. */
  public boolean remove(String scheduleId, long id) {
    boolean removed =
        Repositories.with(jdbi, OverrideRepository::new, r -> r.delete(scheduleId, id));
    if (removed) {
      rota.overridesChanged();
      log.info("schedule {}: override #{} removed", scheduleId, id);
    }
    return removed;
  }
}
