package dev.firebell.paging;

import dev.firebell.config.PagingConfig;
import dev.firebell.incident.Timeline;
import dev.firebell.incident.TimelineKind;
import dev.firebell.oncall.Contact;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.store.Repositories;
import dev.firebell.store.UniqueViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert-storm protection for the outbox: pages beyond the per-person, per-contact rate are folded
 * and sent as one digest a minute.
 */
final class DigestSender {
  private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

  private final Jdbi jdbi;
  private final OnCall oncall;
  private final Channels channels;
  private final PageComposer composer;
  private final PagingConfig config;
  private final DeliveryPolicy policy;
  private final Clock clock;
  private final ExecutorService workers;
  private volatile DeliveryObserver observer = DeliveryObserver.NONE;

  DigestSender(
      Jdbi jdbi,
      OnCall oncall,
      Channels channels,
      PageComposer composer,
      PagingConfig config,
      DeliveryPolicy policy,
      Clock clock,
      ExecutorService workers) {
    this.policy = policy;
    this.jdbi = jdbi;
    this.oncall = oncall;
    this.channels = channels;
    this.composer = composer;
    this.config = config;
    this.clock = clock;
    this.workers = workers;
  }

  void observe(DeliveryObserver newObserver) {
    this.observer = newObserver;
  }

  /**
   * Alert-storm protection: folds a claimed page instead of sending it when its contact already
   * received the allowed number of pages in the last minute; the folded pages go out as one digest
   * at the start of the next minute.
   */
  boolean foldIfOverLimit(Delivery delivery, Instant now) {
    Person person = oncall.people().get(delivery.personId());
    if (!delivery.isPage()
        || person == null
        || delivery.contactIndex() >= person.contacts().size()) {
      return false;
    }
    int recent =
        Repositories.with(
            jdbi,
            DigestRepository::new,
            r ->
                r.recentPages(
                    delivery.personId(),
                    delivery.contactIndex(),
                    now.minus(Duration.ofMinutes(1)),
                    now,
                    delivery.id(),
                    config.maxPagesPerPersonPerMinute()));
    if (recent < config.maxPagesPerPersonPerMinute()) {
      return false;
    }
    fold(delivery, person, person.contacts().get(delivery.contactIndex()));
    return true;
  }

  /**
   * Folds the page and queues its digest in one transaction, so no folded page is ever left without
   * a digest to send it. Two senders creating the same digest at once: the loser's transaction
   * fails on the digest's key and runs again, finding the digest there.
   */
  private void fold(Delivery delivery, Person person, Contact contact) {
    Instant now = clock.instant();
    Instant sendAt = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    UniqueViolation.retry(
        () ->
            jdbi.inTransaction(
                handle -> {
                  DigestRepository digests = new DigestRepository(handle);
                  digests.fold(delivery.id(), sendAt);
                  queueDigest(
                      digests,
                      delivery.personId(),
                      delivery.contactIndex(),
                      contact.channel(),
                      sendAt);
                  Timeline.on(handle)
                      .stamp(
                          delivery.incidentId(),
                          now,
                          TimelineKind.PAGE_FOLDED,
                          "Page to "
                              + person.name()
                              + " via "
                              + contact.channel()
                              + " folded into a digest at "
                              + sendAt
                              + " (more than "
                              + config.maxPagesPerPersonPerMinute()
                              + " pages a minute)");
                  return null;
                }));
    observer.attempt(delivery.channel(), delivery.kind(), "folded");
    log.info(
        "incident {}: page to {} via {} folded into the {} digest",
        delivery.incidentId(),
        person.id(),
        contact.channel(),
        sendAt);
  }

  private static void queueDigest(
      DigestRepository digests, String personId, int contactIndex, String channel, Instant sendAt) {
    if (digests.digestsAt(personId, contactIndex, sendAt) == 0) {
      digests.insert(personId, contactIndex, channel, sendAt);
    }
  }

  /**
   * Folded pages whose digest row is missing (folded by an older release, which queued the digest
   * in a second transaction that a crash could lose) get their digest now.
   */
  private static final Duration REPAIR_EVERY = Duration.ofMinutes(1);

  private volatile Instant lastRepair;

  private void queueMissingDigests() {
    for (Digest missing : Repositories.with(jdbi, DigestRepository::new, r -> r.missing())) {
      UniqueViolation.retry(
          () ->
              jdbi.inTransaction(
                  handle -> {
                    queueDigest(
                        new DigestRepository(handle),
                        missing.personId(),
                        missing.contactIndex(),
                        missing.channel(),
                        missing.sendAt());
                    return null;
                  }));
      log.warn(
          "queued the missing {} digest for {} (contact {})",
          missing.sendAt(),
          missing.personId(),
          missing.contactIndex());
    }
  }

  /** Claims the digests that are due and hands each to a worker. */
  List<Future<?>> dispatchDue(Instant now, Instant leaseUntil) {
    if (lastRepair == null || !now.isBefore(lastRepair.plus(REPAIR_EVERY))) {
      lastRepair = now;
      queueMissingDigests();
    }
    List<Future<?>> sends = new ArrayList<>();
    for (Digest digest : Repositories.with(jdbi, DigestRepository::new, r -> r.due(now))) {
      boolean claimed =
          Repositories.with(
                  jdbi,
                  DigestRepository::new,
                  r ->
                      r.claim(
                          digest.personId(),
                          digest.contactIndex(),
                          digest.sendAt(),
                          now,
                          leaseUntil))
              == 1;
      if (claimed) {
        sends.add(workers.submit(() -> sendDigest(digest)));
      }
    }
    return sends;
  }

  private void sendDigest(Digest digest) {
    try {
      List<FoldedPage> folded =
          Repositories.with(
              jdbi,
              DigestRepository::new,
              r -> r.folded(digest.personId(), digest.contactIndex(), digest.sendAt()));
      Person person = oncall.people().get(digest.personId());
      if (folded.isEmpty() || person == null || digest.contactIndex() >= person.contacts().size()) {
        finishDigest(digest, "EMPTY", null, null);
        return;
      }
      Contact contact = person.contacts().get(digest.contactIndex());
      try {
        channels.forType(contact.type()).send(contact, composer.digest(person, folded));
      } catch (DeliveryFailure failure) {
        // digest.attempts() was read before the claim counted this attempt.
        Instant retryAt =
            policy.afterFailure(digest.attempts() + 1, failure, clock.instant())
                    instanceof DeliveryPolicy.RetryAt again
                ? again.at()
                : null;
        boolean retry = retryAt != null;
        finishDigest(
            digest,
            retry ? "PENDING" : "FAILED",
            retryAt,
            OutboxSender.limit(failure.getMessage()));
        observer.attempt(digest.channel(), "DIGEST", retry ? "retried" : "failed");
        return;
      }
      Instant now = clock.instant();
      OutcomeWrites.write(
          jdbi,
          handle -> {
            new DigestRepository(handle)
                .delivered(digest.personId(), digest.contactIndex(), digest.sendAt(), now);
            Timeline timeline = Timeline.on(handle);
            for (FoldedPage page : folded) {
              timeline.stamp(
                  page.incidentId(),
                  now,
                  TimelineKind.PAGE_DELIVERED,
                  "Digest with this incident delivered to "
                      + person.name()
                      + " via "
                      + contact.channel());
            }
          });
      observer.attempt(digest.channel(), "DIGEST", "delivered");
      log.info(
          "digest of {} incidents delivered to {} via {}",
          folded.size(),
          person.id(),
          contact.channel());
    } catch (RuntimeException e) {
      // The digest stays claimed until its lease runs out; then the next pass sends it again.
      log.error(
          "digest for {} could not be processed; retrying when its lease ends",
          digest.personId(),
          e);
    }
  }

  private void finishDigest(Digest digest, String status, Instant retryAt, String error) {
    OutcomeWrites.write(
        jdbi,
        handle ->
            new DigestRepository(handle)
                .finish(
                    digest.personId(),
                    digest.contactIndex(),
                    digest.sendAt(),
                    status,
                    retryAt,
                    error));
  }
}
