package dev.firebell.oncall;

import dev.firebell.config.FirebellConfig;
import dev.firebell.notify.Notices;
import dev.firebell.oncall.handoff.HandoffNotices;
import dev.firebell.oncall.load.OnCallReload;
import dev.firebell.oncall.override.Overrides;
import dev.firebell.oncall.swap.ShiftSwaps;
import dev.firebell.oncall.swap.SwapRetention;
import dev.firebell.paging.Job;
import dev.firebell.security.LinkTokens;
import dev.firebell.store.Platform;
import dev.firebell.store.Pruning;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The on-call runtime as one module: the rota read from oncall.yaml with the overrides made at
 * runtime, its reload, requests for cover and hand-off notices, and the jobs they need.
 */
public final class OnCallModule {
  private final Rota rota;
  private final Overrides overrides;
  private final OnCallReload reload;
  private final ShiftSwaps swaps;
  private final HandoffNotices handoffs;
  private final Duration keep;

  /**
   * @param source reads oncall.yaml again for a reload
   * @param reloads told each reload's outcome (metrics)
   */
  public OnCallModule(
      Platform platform,
      OnCall oncall,
      Supplier<OnCall> source,
      LinkTokens tokens,
      Consumer<String> reloads) {
    FirebellConfig config = platform.config();
    Jdbi jdbi = platform.jdbi();
    Clock clock = platform.clock();
    String publicUrl = config.server().publicUrl();
    Notices notices = new Notices(platform.json());
    this.rota = new Rota(jdbi, oncall, clock);
    this.overrides = new Overrides(jdbi, rota, clock);
    this.reload = new OnCallReload(source, rota, reloads, clock);
    this.swaps = new ShiftSwaps(jdbi, rota, overrides, notices, tokens, publicUrl, clock);
    this.handoffs =
        new HandoffNotices(jdbi, rota, notices, config.oncall().handoffNotice(), publicUrl, clock);
    this.keep = config.paging().keepDeliveries();
  }

  public List<Job> jobs() {
    return List.of(
        new Job("hand-off notices", Duration.ofMinutes(1), handoffs::run),
        new Job("lapsed requests for cover", Duration.ofMinutes(1), swaps::expireLapsed));
  }

  /** Requests for cover that ended go after {@code paging.keepDeliveries}. */
  public Pruning retention() {
    return new SwapRetention(keep);
  }

  public Rota rota() {
    return rota;
  }

  public Overrides overrides() {
    return overrides;
  }

  public OnCallReload reload() {
    return reload;
  }

  public ShiftSwaps swaps() {
    return swaps;
  }

  public HandoffNotices handoffs() {
    return handoffs;
  }
}
