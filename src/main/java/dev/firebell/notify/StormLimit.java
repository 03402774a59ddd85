package dev.firebell.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The alert-storm rule, pure: a contact gets at most {@code perMinute} pages in any minute; a page
 * beyond that is folded into a digest that goes out at the start of the next minute. Counts read
 * from the database serve for {@link #COUNT_REFRESH} (see {@link #countsStillServe}).
 */
public final class StormLimit {
  /** The window a contact's pages are counted over. */
  public static final Duration WINDOW = Duration.ofMinutes(1);

  /**
   * How long a contact's count from the database serves the passes that follow, each page let
   * through meanwhile counted in memory. Asking on every pass cost a scan of a minute of pages per
   * pass when the configured rate is high; pages another instance sends within this second can go
   * uncounted, so the rate may be exceeded by what one second carries.
   */
  static final Duration COUNT_REFRESH = Duration.ofSeconds(1);

  private final int perMinute;

  public StormLimit(int perMinute) {
    this.perMinute = perMinute;
  }

  /** What happens to one more page. */
  public sealed interface Decision permits Send, Fold {}

  /** Sent; the contact has had {@code countAfter} pages in the window, this one included. */
  public record Send(int countAfter) implements Decision {}

  /** Folded into the digest sent at {@code digestAt}. */
  public record Fold(Instant digestAt) implements Decision {}

  /**
   * @param recent the contact's pages delivered or being sent in the last {@link #WINDOW}
   */
  public Decision decide(int recent, Instant now) {
    if (recent < perMinute) {
      return new Send(recent + 1);
    }
    return new Fold(now.truncatedTo(ChronoUnit.MINUTES).plus(WINDOW));
  }

  public int perMinute() {
    return perMinute;
  }

  /**
   * Whether counts taken at {@code countedAt} still serve a pass at {@code now}: for {@link
   * #COUNT_REFRESH}, and never when the clock went back.
   */
  public static boolean countsStillServe(Instant countedAt, Instant now) {
    return countedAt != null
        && !now.isBefore(countedAt)
        && now.isBefore(countedAt.plus(COUNT_REFRESH));
  }
}
