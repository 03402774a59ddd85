package dev.firebell.outbox;

/** Told how each delivery attempt ended (metrics listen here). */
public interface DeliveryObserver {
  DeliveryObserver NONE = new DeliveryObserver() {};

  /** {@code outcome}: delivered, retried, failed or cancelled. */
  default void attempt(String channel, String kind, String outcome) {}
}
