package dev.firebell.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.Channels;
import dev.firebell.config.PagingConfig;
import dev.firebell.notify.Delivery;
import dev.firebell.notify.Digest;
import dev.firebell.notify.DigestMailbox;
import dev.firebell.notify.NoticeMailbox;
import dev.firebell.notify.PageComposer;
import dev.firebell.notify.PageFolding;
import dev.firebell.notify.PageMailbox;
import dev.firebell.notify.QueuedNotice;
import dev.firebell.oncall.Rota;
import dev.firebell.outbox.DeliveryObserver;
import dev.firebell.outbox.DeliveryPolicy;
import dev.firebell.outbox.LeasedSender;
import dev.firebell.store.Durability;
import dev.firebell.upstream.AnnotationCall;
import dev.firebell.upstream.SilenceCall;
import dev.firebell.upstream.Upstream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: pages and status updates, then the digests of folded pages, both
 * through the one lease machine ({@link LeasedSender}) and the one retry rule ({@link
 * DeliveryPolicy}).
 */
public final class OutboxSender {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final PagingConfig config;
  private final PageFolding folding;
  private final LeasedSender<Delivery> pages;
  private final LeasedSender<Digest> digests;
  private final LeasedSender<QueuedNotice> notices;
  private final LeasedSender<SilenceCall> silences;
  private final LeasedSender<AnnotationCall> annotations;
  private volatile DeliveryObserver observer = DeliveryObserver.NONE;

  public OutboxSender(
      Jdbi jdbi,
      Durability durability,
      Rota rota,
      Channels channels,
      Upstream calls,
      PageComposer composer,
      ObjectMapper json,
      PagingConfig config,
      Clock clock,
      ExecutorService workers) {
    this.config = config;
    DeliveryPolicy policy = new DeliveryPolicy(config);
    // Metrics are attached after construction; every part reports through this one field.
    DeliveryObserver observed =
        new DeliveryObserver() {
          @Override
          public void attempt(String channel, String kind, String outcome) {
            observer.attempt(channel, kind, outcome);
          }
        };
    this.folding = new PageFolding(jdbi, rota, config, observed);
    this.pages =
        new LeasedSender<>(
            jdbi,
            durability,
            new PageMailbox(jdbi, rota, channels, composer, folding, clock),
            policy,
            observed,
            clock,
            workers);
    this.digests =
        new LeasedSender<>(
            jdbi,
            durability,
            new DigestMailbox(jdbi, rota, channels, composer),
            policy,
            observed,
            clock,
            workers);
    this.notices =
        new LeasedSender<>(
            jdbi,
            durability,
            new NoticeMailbox(jdbi, rota, channels, json),
            policy,
            observed,
            clock,
            workers);
    this.silences =
        new LeasedSender<>(jdbi, durability, calls.mailbox(), policy, observed, clock, workers);
    this.annotations =
        new LeasedSender<>(
            jdbi, durability, calls.annotationMailbox(), policy, observed, clock, workers);
  }

  public void observe(DeliveryObserver newObserver) {
    this.observer = newObserver;
  }

  /**
   * Claims every due page, status update, digest, notice and silence call and hands each to a
   * worker.
   */
  public List<Future<?>> dispatchDue(Instant now) {
    Instant leaseUntil = now.plus(config.requestTimeout().multipliedBy(3));
    folding.startPass(now);
    List<Future<?>> sends = new ArrayList<>(pages.dispatchDue(now, leaseUntil));
    try {
      folding.repairIfDue(now);
      sends.addAll(digests.dispatchDue(now, leaseUntil));
      sends.addAll(notices.dispatchDue(now, leaseUntil));
      sends.addAll(silences.dispatchDue(now, leaseUntil));
      sends.addAll(annotations.dispatchDue(now, leaseUntil));
    } catch (JdbiException | RejectedExecutionException e) {
      // The pages above are on their way; the rest stay due for the next pass.
      log.error("digests, notices or silences could not be dispatched; retrying next pass", e);
    }
    return sends;
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
