package dev.firebell.incident;

/**
 * What a new incident's transaction queued for the outbox, set going once the incident is durable:
 * pages handed straight to a sender, or a pass of the outbox asked for, or nothing at all (an
 * unrouted incident, or one in maintenance, asks for no pass).
 */
@FunctionalInterface
public interface Queued {
  /** Nothing was queued. */
  Queued NOTHING = outboxPass -> {};

  /** Queued rows that the outbox's pass sends: one is asked for at once. */
  Queued FOR_THE_PASS = Runnable::run;

  /** Sets the queued work going; {@code outboxPass} asks the outbox for a pass. */
  void start(Runnable outboxPass);

  /** This, then {@code next}. */
  default Queued and(Queued next) {
    if (this == NOTHING) {
      return next;
    }
    if (next == NOTHING) {
      return this;
    }
    return outboxPass -> {
      start(outboxPass);
      next.start(outboxPass);
    };
  }
}
