package dev.firebell.outbox;

import dev.firebell.store.DatabaseSyncException;
import dev.firebell.store.Durability;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one claim → lease → send → outcome machine, for every kind of {@link Leased} message. Each
 * due message is claimed with a lease (so a dead sender's work is taken over when the lease runs
 * out) and sent on a worker thread of its own (so one slow channel holds up nobody else); then its
 * outcome is written, or after a failure {@link DeliveryPolicy} decides between a retry and giving
 * up. A message that cannot be composed (a bug, or data it cannot show) goes through the same rule.
 * Storage failures leave the message claimed: its lease sends it again.
 */
public final class LeasedSender<M extends Leased> {
  private static final Logger log = LoggerFactory.getLogger(LeasedSender.class);

  private final Jdbi jdbi;
  private final Durability durability;
  private final Mailbox<M> mailbox;
  private final DeliveryPolicy policy;
  private final DeliveryObserver observer;
  private final Clock clock;
  private final SenderPool senders;
  private final Set<Object> inFlight = ConcurrentHashMap.newKeySet();

  public LeasedSender(
      Jdbi jdbi,
      Durability durability,
      Mailbox<M> mailbox,
      DeliveryPolicy policy,
      DeliveryObserver observer,
      Clock clock,
      SenderPool senders) {
    this.jdbi = jdbi;
    this.durability = durability;
    this.mailbox = mailbox;
    this.policy = policy;
    this.observer = observer;
    this.clock = clock;
    this.senders = senders;
  }

  /**
   * Claims every due message a sender thread is free for and hands it to that thread; returns
   * without waiting. While every thread is busy the rest stays due, unclaimed, for the pass that
   * {@link SenderPool#onRoom} asks for.
   */
  public List<Future<?>> dispatchDue(Instant now, Instant leaseUntil) {
    return dispatch(mailbox.due(now), now, leaseUntil);
  }

  /**
   * Claims messages a durable transaction just queued, due now, and hands each to a free sender
   * thread, as {@link #dispatchDue} would once it found them: what finds no free thread stays due
   * for the pass {@link SenderPool#onRoom} asks for.
   */
  public List<Future<?>> handOver(List<M> queued, Instant now, Instant leaseUntil) {
    return dispatch(queued, now, leaseUntil);
  }

  private List<Future<?>> dispatch(List<M> messages, Instant now, Instant leaseUntil) {
    List<Future<?>> sends = new ArrayList<>();
    for (M due : messages) {
      if (!senders.reserve()) {
        break;
      }
      Future<?> send = inFlight.add(due.key()) ? claimAndSend(due, now, leaseUntil) : null;
      if (send == null) {
        senders.release();
      } else {
        sends.add(send);
      }
    }
    return sends;
  }

  /** Claims a message and hands it to its reserved thread; null when it was not handed over. */
  private Future<?> claimAndSend(M due, Instant now, Instant leaseUntil) {
    try {
      Optional<M> claimed = mailbox.claim(due, now, leaseUntil);
      if (claimed.isPresent()) {
        M message = claimed.get();
        return senders.submit(() -> send(message));
      }
    } catch (JdbiException e) {
      // The claim failed: the message stays due (or its lease runs out) for the next pass.
      log.error("{} could not be claimed; retrying at the next pass", mailbox.describe(due), e);
    } catch (RejectedExecutionException e) {
      log.warn("{}: paging is stopping; sending it when its lease ends", mailbox.describe(due));
    }
    inFlight.remove(due.key());
    return null;
  }

  private void send(M message) {
    try {
      Mailbox.Outcome outcome;
      try {
        outcome = mailbox.send(message);
      } catch (DeliveryFailure failure) {
        afterFailure(message, failure);
        return;
      } catch (JdbiException e) {
        throw e; // storage, not the message: its lease sends it again once storage is back
      } catch (RuntimeException e) { // composing the message failed: a bug or data it cannot show
        // Retried like a failed send, then given up where people look: never claimed for ever.
        log.error(
            "{} could not be composed (attempt {})",
            mailbox.describe(message),
            message.attempts(),
            e);
        afterFailure(message, DeliveryFailure.uncomposable(e));
        return;
      }
      record(handle -> outcome.writes().write(handle, clock.instant()));
      if (outcome.metric() != null) {
        observer.attempt(message.channel(), message.kind(), outcome.metric());
      }
      if (outcome.logLine() != null) {
        log.info("{}", outcome.logLine());
      }
    } catch (JdbiException | DatabaseSyncException e) { // storage failed, the message did not
      // It stays claimed until its lease runs out; then the next pass sends it again.
      log.error(
          "{}: its outcome could not be stored; retrying when its lease ends",
          mailbox.describe(message),
          e);
    } catch (RuntimeException e) { // a bug: the pool would keep it in a Future nobody reads
      // Logged at error so it is seen, and left to the lease like a storage failure.
      log.error(
          "{} could not be processed; retrying when its lease ends", mailbox.describe(message), e);
    } finally {
      inFlight.remove(message.key());
    }
  }

  private void afterFailure(M message, DeliveryFailure failure) {
    Instant now = clock.instant();
    String error = limit(failure.getMessage());
    if (policy.afterFailure(message.attempts(), failure, now)
        instanceof DeliveryPolicy.RetryAt retry) {
      record(handle -> mailbox.retry(handle, message, retry.at(), error));
      observer.attempt(message.channel(), message.kind(), "retried");
      log.warn(
          "{} failed (attempt {}), retrying at {}: {}",
          mailbox.describe(message),
          message.attempts(),
          retry.at(),
          failure.getMessage());
      return;
    }
    record(handle -> mailbox.failed(handle, message, error, now));
    observer.attempt(message.channel(), message.kind(), "failed");
    log.warn(
        "{} failed for good after {} attempt(s): {}",
        mailbox.describe(message),
        message.attempts(),
        failure.getMessage());
  }

  /**
   * Writes an outcome and waits until it is on disk (H2 keeps commits in memory for up to half a
   * second): a crash then repeats only the messages still in flight, not every one delivered in the
   * last moments before it.
   */
  private void record(HandleConsumer<RuntimeException> outcome) {
    OutcomeWrites.write(jdbi, outcome);
    durability.awaitDurable();
  }

  /** Errors are kept to a length a page of the timeline shows. */
  public static String limit(String text) {
    return text == null || text.length() <= 1900 ? text : text.substring(0, 1899) + "…";
  }
}
