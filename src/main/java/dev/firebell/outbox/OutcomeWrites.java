package dev.firebell.outbox;

import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what happened to a message that was already sent (delivered, failed, to be retried). The
 * send cannot be taken back, so a write that fails once (a dropped connection, a serialization
 * failure) is tried again at once rather than left to the lease, which would send the message a
 * second time. Only when every attempt fails does the lease take over.
 */
final class OutcomeWrites {
  private static final Logger log = LoggerFactory.getLogger(OutcomeWrites.class);
  private static final int ATTEMPTS = 3;
  private static final long PAUSE_MILLIS = 50;

  private OutcomeWrites() {}

  static void write(Jdbi jdbi, HandleConsumer<RuntimeException> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        jdbi.useTransaction(transaction);
        return;
      } catch (JdbiException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        log.warn("recording a delivery's outcome failed (attempt {}); trying again", attempt, e);
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(PAUSE_MILLIS * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
