package dev.firebell.oncall;

import dev.firebell.oncall.override.OverrideRepository;
import dev.firebell.store.Repositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-call configuration as it stands now: {@code oncall.yaml} as last (re)loaded, with the
 * runtime overrides from the database layered over it. Every instance re-reads the overrides at
 * most a second after its last look, and at once after a change it made itself, so an override made
 * on one instance pages from all of them within a second.
 */
public final class Rota {
  private static final Logger log = LoggerFactory.getLogger(Rota.class);
  private static final Duration FRESH = Duration.ofSeconds(1);

  /** Runtime overrides this far back are kept in view, for "who was on call at …" questions. */
  static final Duration LOOK_BACK = Duration.ofDays(31);

  private final Jdbi jdbi;
  private final Clock clock;
  private final AtomicReference<OnCall> configured;
  private volatile Snapshot snapshot;

  public Rota(Jdbi jdbi, OnCall configured, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.configured = new AtomicReference<>(configured);
  }

  /** The on-call file's people, schedules (with runtime overrides), policies and routes. */
  public OnCall current() {
    return current(
        after -> Repositories.with(jdbi, OverrideRepository::new, r -> r.endingAfter(after)));
  }

  /**
   * As {@link #current()}, reading through a transaction already open: one that holds a pooled
   * connection must not wait for a second (a full pool would wait on itself).
   */
  public OnCall current(Handle handle) {
    return current(after -> new OverrideRepository(handle).endingAfter(after));
  }

  private OnCall current(Function<Instant, List<OverrideRepository.StoredOverride>> read) {
    Instant now = clock.instant();
    OnCall base = configured.get();
    Snapshot last = snapshot;
    if (last != null
        && last.base == base
        && !now.isBefore(last.readAt)
        && now.isBefore(last.readAt.plus(FRESH))) {
      return last.oncall;
    }
    List<OverrideRepository.StoredOverride> runtime;
    try {
      runtime = read.apply(now.minus(LOOK_BACK));
    } catch (JdbiException e) {
      // Paging goes on with the overrides last read (or the file's alone): a page to the
      // rotation's person beats no page. Logged at error so the stale rota is seen.
      log.error("runtime overrides could not be read; using the last known rota", e);
      return last != null && last.base == base ? last.oncall : base;
    }
    OnCall layered = base.withRuntimeOverrides(runtime);
    snapshot = new Snapshot(base, layered, now);
    return layered;
  }

  /** The on-call file alone, as last loaded. */
  public OnCall configured() {
    return configured.get();
  }

  /** Takes a newly loaded on-call file; the next {@link #current()} layers the overrides on it. */
  public void replace(OnCall next) {
    configured.set(next);
    snapshot = null;
  }

  /** This instance changed the overrides: the next {@link #current()} reads them again. */
  public void overridesChanged() {
    snapshot = null;
  }

  private record Snapshot(OnCall base, OnCall oncall, Instant readAt) {}
}
