package dev.firebell.paging;

import dev.firebell.config.PagingConfig;
import dev.firebell.incident.IncidentDetails;
import dev.firebell.incident.IncidentRepository;
import dev.firebell.incident.IncidentReview;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.TimelineEntry;
import dev.firebell.oncall.Contact;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds. Each delivery is claimed with a lease (so a dead sender's work is
 * taken over when the lease runs out), sent on its own worker thread (so one slow channel holds up
 * nobody else), then marked delivered, rescheduled with backoff, or failed.
 */
public final class OutboxSender {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final int BATCH = 200;

  private final Jdbi jdbi;
  private final OnCall oncall;
  private final Channels channels;
  private final PageComposer composer;
  private final PagingConfig config;
  private final Clock clock;
  private final ExecutorService workers;
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
  private volatile DeliveryObserver observer = DeliveryObserver.NONE;

  public OutboxSender(
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

  public void observe(DeliveryObserver newObserver) {
    this.observer = newObserver;
  }

  /** Claims every due delivery and hands it to a worker; returns without waiting. */
  public List<Future<?>> dispatchDue(Instant now) {
    List<Long> due = jdbi.withExtension(DeliveryRepository.class, r -> r.due(now, BATCH));
    List<Future<?>> sends = new ArrayList<>();
    Instant leaseUntil = now.plus(config.requestTimeout().multipliedBy(3));
    for (long id : due) {
      if (!inFlight.add(id)) {
        continue;
      }
      boolean claimed =
          jdbi.withExtension(DeliveryRepository.class, r -> r.claim(id, now, leaseUntil)) == 1;
      if (!claimed) {
        inFlight.remove(id);
        continue;
      }
      if (foldedForRateLimit(id, now)) {
        inFlight.remove(id);
        continue;
      }
      sends.add(workers.submit(() -> sendClaimed(id)));
    }
    sends.addAll(dispatchDigests(now, leaseUntil));
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

  private void sendClaimed(long id) {
    try {
      Delivery delivery =
          jdbi.withExtension(DeliveryRepository.class, r -> r.find(id)).orElseThrow();
      IncidentDetails details = details(delivery.incidentId());
      if (delivery.isPage() && details.incident().status() != IncidentStatus.TRIGGERED) {
        finish(delivery, "CANCELLED", null);
        observer.attempt(delivery.channel(), delivery.kind(), "cancelled");
        return;
      }
      Person person = oncall.people().get(delivery.personId());
      if (person == null || delivery.contactIndex() >= person.contacts().size()) {
        fail(delivery, person, "the contact is no longer in the on-call configuration");
        return;
      }
      Contact contact = person.contacts().get(delivery.contactIndex());
      PageMessage message = composer.compose(details, person, delivery.isPage(), clock.instant());
      try {
        channels.forType(contact.type()).send(contact, message);
        delivered(delivery, person, contact);
      } catch (DeliveryFailure failure) {
        failed(delivery, person, failure);
      }
    } catch (RuntimeException e) {
      log.error("delivery {} could not be processed", id, e);
    } finally {
      inFlight.remove(id);
    }
  }

  /**
   * Alert-storm protection: a contact that already received the allowed number of pages in the last
   * minute gets the rest folded into one digest at the start of the next minute.
   */
  private boolean foldedForRateLimit(long id, Instant now) {
    Delivery delivery = jdbi.withExtension(DeliveryRepository.class, r -> r.find(id)).orElseThrow();
    Person person = oncall.people().get(delivery.personId());
    if (!delivery.isPage()
        || person == null
        || delivery.contactIndex() >= person.contacts().size()) {
      return false;
    }
    int recent =
        jdbi.withExtension(
            DigestRepository.class,
            r ->
                r.recentPages(
                    delivery.personId(),
                    delivery.contactIndex(),
                    now.minus(Duration.ofMinutes(1)),
                    now,
                    id));
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
          handle.attach(DigestRepository.class).fold(delivery.id(), sendAt);
          handle
              .attach(IncidentRepository.class)
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
            DigestRepository digests = handle.attach(DigestRepository.class);
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

  private List<Future<?>> dispatchDigests(Instant now, Instant leaseUntil) {
    List<Future<?>> sends = new ArrayList<>();
    for (Digest digest : jdbi.withExtension(DigestRepository.class, r -> r.due(now))) {
      boolean claimed =
          jdbi.withExtension(
                  DigestRepository.class,
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
          jdbi.withExtension(
              DigestRepository.class,
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
        Instant retryAt = retry ? clock.instant().plus(backoff(digest.attempts() + 1)) : null;
        finishDigest(digest, retry ? "PENDING" : "FAILED", retryAt, limit(failure.getMessage()));
        observer.attempt(digest.channel(), "DIGEST", retry ? "retried" : "failed");
        return;
      }
      Instant now = clock.instant();
      jdbi.useTransaction(
          handle -> {
            handle
                .attach(DigestRepository.class)
                .delivered(digest.personId(), digest.contactIndex(), digest.sendAt(), now);
            IncidentRepository incidents = handle.attach(IncidentRepository.class);
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
    jdbi.useExtension(
        DigestRepository.class,
        r ->
            r.finish(
                digest.personId(), digest.contactIndex(), digest.sendAt(), status, retryAt, error));
  }

  private IncidentDetails details(long incidentId) {
    return jdbi.withExtension(
        IncidentRepository.class,
        r ->
            new IncidentDetails(
                r.findIncident(incidentId).orElseThrow(),
                r.alerts(incidentId),
                List.of(),
                IncidentReview.empty()));
  }

  private void delivered(Delivery delivery, Person person, Contact contact) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        handle -> {
          handle.attach(DeliveryRepository.class).markDelivered(delivery.id(), now);
          if (delivery.isPage()) {
            handle
                .attach(IncidentRepository.class)
                .insertTimelineEntry(
                    delivery.incidentId(),
                    now,
                    "page.delivered",
                    "Page delivered to " + person.name() + " via " + contact.channel(),
                    TimelineEntry.SYSTEM,
                    null);
          }
        });
    observer.attempt(delivery.channel(), delivery.kind(), "delivered");
    log.info(
        "incident {}: {} delivered to {} via {}",
        delivery.incidentId(),
        delivery.isPage() ? "page" : "status update",
        person.id(),
        contact.channel());
  }

  private void failed(Delivery delivery, Person person, DeliveryFailure failure) {
    if (failure.retryable() && delivery.attempts() < config.maxAttempts()) {
      Duration wait =
          failure.retryAfter() != null ? failure.retryAfter() : backoff(delivery.attempts());
      if (wait.compareTo(config.maxBackoff()) > 0) {
        wait = config.maxBackoff();
      }
      Instant next = clock.instant().plus(wait);
      jdbi.useExtension(
          DeliveryRepository.class,
          r -> r.reschedule(delivery.id(), next, limit(failure.getMessage())));
      observer.attempt(delivery.channel(), delivery.kind(), "retried");
      log.warn(
          "incident {}: delivery to {} via {} failed (attempt {}), retrying at {}: {}",
          delivery.incidentId(),
          delivery.personId(),
          delivery.channel(),
          delivery.attempts(),
          next,
          failure.getMessage());
      return;
    }
    fail(delivery, person, failure.getMessage());
  }

  private void fail(Delivery delivery, Person person, String error) {
    Instant now = clock.instant();
    String name = person == null ? delivery.personId() : person.name();
    jdbi.useTransaction(
        handle -> {
          handle.attach(DeliveryRepository.class).finish(delivery.id(), "FAILED", limit(error));
          if (delivery.isPage()) {
            handle
                .attach(IncidentRepository.class)
                .insertTimelineEntry(
                    delivery.incidentId(),
                    now,
                    "page.failed",
                    limit(
                        "Page to "
                            + name
                            + " via "
                            + delivery.channel()
                            + " failed after "
                            + delivery.attempts()
                            + (delivery.attempts() == 1 ? " attempt: " : " attempts: ")
                            + error),
                    TimelineEntry.SYSTEM,
                    null);
          }
        });
    observer.attempt(delivery.channel(), delivery.kind(), "failed");
    log.warn(
        "incident {}: delivery to {} via {} failed for good: {}",
        delivery.incidentId(),
        delivery.personId(),
        delivery.channel(),
        error);
  }

  private void finish(Delivery delivery, String status, String error) {
    jdbi.useExtension(DeliveryRepository.class, r -> r.finish(delivery.id(), status, error));
  }

  /** 5 s, 10 s, 20 s … from the configured initial backoff. */
  private Duration backoff(int attempts) {
    return config.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
  }

  private static String limit(String text) {
    return text == null || text.length() <= 1900 ? text : text.substring(0, 1899) + "…";
  }
}
