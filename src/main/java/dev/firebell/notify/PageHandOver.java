package dev.firebell.notify;

import java.util.List;

/**
 * Takes pages that a durable transaction just queued straight to a sender, without waiting for a
 * pass of the outbox to find them due. What finds no free sender stays due for that pass.
 */
@FunctionalInterface
public interface PageHandOver {
  void handOver(List<Delivery> pages);
}
