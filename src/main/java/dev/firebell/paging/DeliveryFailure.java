package dev.firebell.paging;

import java.time.Duration;

/**
 * A message that did not get through. Network errors, 5xx and 429 are worth retrying (after {@code
 * retryAfter} when the server said so); other refusals are final.
 */
public final class DeliveryFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;
  private final transient Duration retryAfter;

  public DeliveryFailure(String message, boolean retryable, Duration retryAfter) {
    super(message);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public static DeliveryFailure retryable(String message) {
    return new DeliveryFailure(message, true, null);
  }

  public static DeliveryFailure permanent(String message) {
    return new DeliveryFailure(message, false, null);
  }

  public boolean retryable() {
    return retryable;
  }

  /** The wait the server asked for, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
