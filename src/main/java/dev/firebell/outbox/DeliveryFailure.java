package dev.firebell.outbox;

import java.time.Duration;

/**
 * A message that did not get through. Network errors, 5xx and 429 are worth retrying (after {@code
 * retryAfter} when the server said so); other refusals are final.
 */
public final class DeliveryFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;
  private final transient Duration retryAfter;
  private final int httpStatus;

  public DeliveryFailure(String message, boolean retryable, Duration retryAfter) {
    this(message, retryable, retryAfter, 0);
  }

  private DeliveryFailure(String message, boolean retryable, Duration retryAfter, int httpStatus) {
    super(message);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
    this.httpStatus = httpStatus;
  }

  /** The service answered {@code httpStatus}: retried for 408, 429 and 5xx, final otherwise. */
  public static DeliveryFailure answered(String message, int httpStatus, Duration retryAfter) {
    boolean retry = httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    return new DeliveryFailure(message, retry, retry ? retryAfter : null, httpStatus);
  }

  public static DeliveryFailure retryable(String message) {
    return new DeliveryFailure(message, true, null);
  }

  /**
   * The message could not be composed. Retried (the cause may pass, e.g. a reload that restores a
   * contact), so {@link DeliveryPolicy} gives up only after its last attempt.
   */
  public static DeliveryFailure uncomposable(RuntimeException cause) {
    DeliveryFailure failure = new DeliveryFailure("could not be composed: " + cause, true, null);
    failure.initCause(cause);
    return failure;
  }

  public static DeliveryFailure permanent(String message) {
    return new DeliveryFailure(message, false, null);
  }

  public boolean retryable() {
    return retryable;
  }

  /** The HTTP status the service answered, or 0 when it gave none (unreachable, bad answer). */
  public int httpStatus() {
    return httpStatus;
  }

  /** The wait the server asked for, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
