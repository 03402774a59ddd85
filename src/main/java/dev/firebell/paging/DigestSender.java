package dev.firebell.paging;

import dev.firebell.config.PagingConfig;
import dev.firebell.incident.IncidentRepository;
import dev.firebell.incident.TimelineEntry;
import dev.firebell.oncall.Contact;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.store.Repositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
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
  private final Clock clock;
  private final ExecutorService workers;
  private volatile DeliveryObserver observer = DeliveryObserver.NONE;

  DigestSender(
      Jdbi jdbi,
      OnCall oncall,
      Channels channels,
      PageComposer composer,
      PagingConfig config,
      Clock clock,
      ExecutorService workers) {
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

  private void fold(Delivery delivery, Person person, Contact contact) {
    Instant now = clock.instant();
    Instant sendAt = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    jdbi.useTransaction(
        handle -> {
          new DigestRepository(handle).fold(delivery.id(), sendAt);
          new IncidentRepository(handle)
              .insertTimelineEntry(
                  delivery.incidentId(),
                  now,
                  "page.folded",
                  "Page to "
                      + person.name()
                      + " via "
                      + contact.channel()
                      + " folded into a digest at "
                      + sendAt
                      + " (more than "
                      + config.maxPagesPerPersonPerMinute()
                      + " pages a minute)",
                  TimelineEntry.SYSTEM,
                  null);
        });
    try {
      jdbi.useTransaction(
          handle -> {
            DigestRepository digests = new DigestRepository(handle);
            if (digests.digestsAt(delivery.personId(), delivery.contactIndex(), sendAt) == 0) {
              digests.insert(
                  delivery.personId(), delivery.contactIndex(), contact.channel(), sendAt);
            }
          });
    } catch (StatementException alreadyThere) {
      // Another sender created the same digest a moment ago: one digest it is.
    }
    observer.attempt(delivery.channel(), delivery.kind(), "folded");
    log.info(
        "incident {}: page to {} via {} folded into the {} digest",
        delivery.incidentId(),
        person.id(),
        contact.channel(),
        sendAt);
  }

  /** Claims the digests that are due and hands each to a worker. */
  List<Future<?>> dispatchDue(Instant now, Instant leaseUntil) {
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
        boolean retry = failure.retryable() && digest.attempts() + 1 < config.maxAttempts();
        Instant retryAt =
            retry
                ? clock.instant().plus(OutboxSender.backoff(config, digest.attempts() + 1))
                : null;
        finishDigest(
            digest,
            retry ? "PENDING" : "FAILED",
            retryAt,
            OutboxSender.limit(failure.getMessage()));
        observer.attempt(digest.channel(), "DIGEST", retry ? "retried" : "failed");
        return;
      }
      Instant now = clock.instant();
      jdbi.useTransaction(
          handle -> {
            new DigestRepository(handle)
                .delivered(digest.personId(), digest.contactIndex(), digest.sendAt(), now);
            IncidentRepository incidents = new IncidentRepository(handle);
            for (FoldedPage page : folded) {
              incidents.insertTimelineEntry(
                  page.incidentId(),
                  now,
                  "page.delivered",
                  "Digest with this incident delivered to "
                      + person.name()
                      + " via "
                      + contact.channel(),
                  TimelineEntry.SYSTEM,
                  null);
            }
          });
      observer.attempt(digest.channel(), "DIGEST", "delivered");
      log.info(
          "digest of {} incidents delivered to {} via {}",
          folded.size(),
          person.id(),
          contact.channel());
    } catch (RuntimeException e) {
      log.error("digest for {} could not be processed", digest.personId(), e);
    }
  }

  private void finishDigest(Digest digest, String status, Instant retryAt, String error) {
    Repositories.use(
        jdbi,
        DigestRepository::new,
        r ->
            r.finish(
                digest.personId(), digest.contactIndex(), digest.sendAt(), status, retryAt, error));
  }
}
