package dev.firebell.paging;

import dev.firebell.channel.Channels;
import dev.firebell.config.PagingConfig;
import dev.firebell.notify.Delivery;
import dev.firebell.notify.DigestMailbox;
import dev.firebell.notify.PageComposer;
import dev.firebell.notify.PageFolding;
import dev.firebell.notify.PageMailbox;
import dev.firebell.oncall.Rota;
import dev.firebell.outbox.DeliveryObserver;
import dev.firebell.outbox.DeliveryPolicy;
import dev.firebell.outbox.Leased;
import dev.firebell.outbox.LeasedSender;
import dev.firebell.outbox.Mailbox;
import dev.firebell.outbox.SenderPool;
import dev.firebell.store.Durability;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: pages and status updates, then the digests of folded pages, notices
 * and the calls back into the alert sources, all through the one lease machine ({@link
 * LeasedSender}) and the one retry rule ({@link DeliveryPolicy}).
 */
public final class OutboxSender {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final PagingConfig config;
  private final Clock clock;
  private final PageFolding folding;
  private final LeasedSender<Delivery> pages;
  private final List<LeasedSender<?>> others;

  /**
   * @param more the mailboxes sent after pages and digests (notices, silences, annotations)
   */
  public OutboxSender(
      Jdbi jdbi,
      Durability durability,
      Rota rota,
      Channels channels,
      PageComposer composer,
      List<Mailbox<?>> more,
      DeliveryObserver observer,
      PagingConfig config,
      Clock clock,
      SenderPool pool) {
    this.config = config;
    this.clock = clock;
    Senders senders =
        new Senders(jdbi, durability, new DeliveryPolicy(config), observer, clock, pool);
    this.folding = new PageFolding(jdbi, rota, config, observer);
    this.pages = senders.of(new PageMailbox(jdbi, rota, channels, composer, folding, clock));
    List<LeasedSender<?>> rest = new ArrayList<>();
    rest.add(senders.of(new DigestMailbox(jdbi, rota, channels, composer)));
    for (Mailbox<?> mailbox : more) {
      rest.add(senders.of(mailbox));
    }
    this.others = List.copyOf(rest);
  }

  /** What every lease machine here shares. */
  private record Senders(
      Jdbi jdbi,
      Durability durability,
      DeliveryPolicy policy,
      DeliveryObserver observer,
      Clock clock,
      SenderPool pool) {
    <M extends Leased> LeasedSender<M> of(Mailbox<M> mailbox) {
      return new LeasedSender<>(jdbi, durability, mailbox, policy, observer, clock, pool);
    }
  }

  /**
   * Claims every due page, status update, digest, notice and silence call and hands each to a
   * worker.
   */
  public List<Future<?>> dispatchDue(Instant now) {
    Instant leaseUntil = leaseUntil(now);
    folding.startPass(now);
    List<Future<?>> sends = new ArrayList<>(pages.dispatchDue(now, leaseUntil));
    try {
      folding.repairIfDue(now);
      for (LeasedSender<?> sender : others) {
        sends.addAll(sender.dispatchDue(now, leaseUntil));
      }
    } catch (JdbiException e) {
      // The pages above are on their way; the rest stay due for the next pass.
      log.error("digests, notices or silences could not be dispatched; retrying next pass", e);
    }
    return sends;
  }

  /**
   * A new incident's first pages, durable, go to senders at once: no pass of every mailbox for
   * them, no query for what is due (the storm limit still decides at the claim).
   */
  public void handOver(List<Delivery> queued) {
    Instant now = clock.instant();
    folding.startPass(now);
    pages.handOver(queued, now, leaseUntil(now));
  }

  /** A claim holds its message for three request timeouts: a sender that died lets it go then. */
  private Instant leaseUntil(Instant now) {
    return now.plus(config.requestTimeout().multipliedBy(3));
  }

  /** Dispatches and waits for the sends to finish: what tests and shutdown want. */
  public void deliverDue(Instant now) {
    for (Future<?> send : dispatchDue(now)) {
      try {
        send.get(config.requestTimeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        log.warn("a delivery did not finish in time: {}", e.toString());
      }
    }
  }
}
