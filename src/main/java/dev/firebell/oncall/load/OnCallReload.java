package dev.firebell.oncall.load;

import dev.firebell.config.ConfigException;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallWarnings;
import dev.firebell.oncall.Rota;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the on-call file ({@code SIGHUP}, {@code POST /api/oncall/reload}). A valid file takes
 * effect at once for new decisions; an invalid one is refused with the one-line error start-up
 * gives, and the running configuration stays. Escalations already running keep their policy id: a
 * changed policy applies from its next step, a removed one ends the escalation at its next step
 * (timeline: "policy … is no longer configured").
 */
public final class OnCallReload {
  private static final Logger log = LoggerFactory.getLogger(OnCallReload.class);

  private final Supplier<OnCall> source;
  private final Rota rota;
  private final Consumer<String> outcomes;
  private final Clock clock;

  /**
   * {@code source} reads and checks the file (throwing {@link ConfigException}); {@code outcomes}
   * counts {@code applied} and {@code refused}.
   */
  public OnCallReload(Supplier<OnCall> source, Rota rota, Consumer<String> outcomes, Clock clock) {
    this.source = source;
    this.rota = rota;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  public synchronized Result reload() {
    OnCall next;
    try {
      next = source.get();
    } catch (ConfigException e) {
      outcomes.accept("refused");
      log.error("on-call reload refused, the running configuration stays: {}", e.getMessage());
      return Result.refused(e.getMessage());
    }
    rota.replace(next);
    outcomes.accept("applied");
    List<String> warnings = OnCallWarnings.all(rota.current(), clock.instant());
    log.info(
        "on-call reloaded: {} people, {} schedules, {} escalation policies, {} routes",
        next.people().size(),
        next.schedules().size(),
        next.policies().size(),
        next.routes().size());
    warnings.forEach(warning -> log.warn("on-call: {}", warning));
    return new Result(
        true,
        next.people().size(),
        next.schedules().size(),
        next.policies().size(),
        next.routes().size(),
        warnings,
        null);
  }

  /** What a reload did: the counts and warnings of the file taken, or why it was refused. */
  public record Result(
      boolean applied,
      int people,
      int schedules,
      int escalationPolicies,
      int routes,
      List<String> warnings,
      String error) {
    static Result refused(String error) {
      return new Result(false, 0, 0, 0, 0, List.of(), error);
    }
  }
}
