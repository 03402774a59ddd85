package dev.firebell.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * One kind of leased message as {@link LeasedSender} sees it: where its rows are, how one is
 * claimed and sent, and what each outcome writes. The writes run in the caller's transaction.
 */
public interface Mailbox<M extends Leased> {
  /** Messages due at {@code now} and not held by a live lease. */
  List<M> due(Instant now);

  /**
   * Takes one attempt at {@code due} until {@code leaseUntil}: the message with this attempt
   * counted, or empty when another sender holds it or it needs no send of its own (a folded page).
   */
  Optional<M> claim(M due, Instant now, Instant leaseUntil);

  /**
   * Sends a claimed message, or finds that it need not be sent any more.
   *
   * @throws DeliveryFailure when the channel refused it or could not be reached
   */
  Outcome send(M claimed) throws DeliveryFailure;

  /** Sends again at {@code at}. */
  void retry(Handle handle, M claimed, Instant at, String error);

  /** Gives up: the message failed for good, and says so where people look. */
  void failed(Handle handle, M claimed, String error, Instant now);

  /** Names the message in logs, e.g. "incident 7: page to tessa via webhook". */
  String describe(M message);

  /**
   * How a send ended without a failure: the outcome metrics count ({@code null} for none), the rows
   * it writes, and what the log says.
   */
  record Outcome(String metric, Writes writes, String logLine) {}

  /** Rows an outcome writes, on the transaction it is given. */
  interface Writes {
    void write(Handle handle, Instant now);
  }
}
