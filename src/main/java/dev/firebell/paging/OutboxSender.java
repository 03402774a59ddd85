package dev.firebell.paging;

import dev.firebell.config.PagingConfig;
import dev.firebell.incident.AlertRepository;
import dev.firebell.incident.IncidentDetails;
import dev.firebell.incident.IncidentRepository;
import dev.firebell.incident.IncidentReview;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.Timeline;
import dev.firebell.incident.TimelineKind;
import dev.firebell.oncall.Contact;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.store.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  private final DigestSender digests;
  private final DeliveryPolicy policy;

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
    this.policy = new DeliveryPolicy(config);
    this.digests =
        new DigestSender(jdbi, oncall, channels, composer, config, policy, clock, workers);
  }

  public void observe(DeliveryObserver newObserver) {
    this.observer = newObserver;
    digests.observe(newObserver);
  }

  /** Claims every due delivery and hands it to a worker; returns without waiting. */
  public List<Future<?>> dispatchDue(Instant now) {
    List<Long> due = Repositories.with(jdbi, DeliveryRepository::new, r -> r.due(now, BATCH));
    List<Future<?>> sends = new ArrayList<>();
    Instant leaseUntil = now.plus(config.requestTimeout().multipliedBy(3));
    for (long id : due) {
      if (!inFlight.add(id)) {
        continue;
      }
      Future<?> send = null;
      try {
        send = claimAndSubmit(id, now, leaseUntil);
      } catch (JdbiException e) {
        // The claim, the read or the rate check failed: the delivery stays due (or its lease
        // runs out) and the next pass tries it again.
        log.error("delivery {} could not be claimed; retrying at the next pass", id, e);
      } catch (RejectedExecutionException e) {
        // Every sender thread is busy: the claimed delivery goes out once its lease runs out.
        log.warn("delivery {}: every sender is busy; sending it when its lease ends", id);
      } finally {
        if (send == null) {
          inFlight.remove(id);
        }
      }
      if (send != null) {
        sends.add(send);
      }
    }
    try {
      sends.addAll(digests.dispatchDue(now, leaseUntil));
    } catch (JdbiException | RejectedExecutionException e) {
      // The pages above are on their way; the digests stay due for the next pass.
      log.error("digests could not be dispatched; retrying at the next pass", e);
    }
    return sends;
  }

  /** The worker's send, or null when the delivery was not ours to send or was folded. */
  private Future<?> claimAndSubmit(long id, Instant now, Instant leaseUntil) {
    boolean claimed =
        Repositories.with(jdbi, DeliveryRepository::new, r -> r.claim(id, now, leaseUntil)) == 1;
    if (!claimed) {
      return null;
    }
    // Read once after the claim (attempts counted): the rate check and the send share it.
    Delivery delivery =
        Repositories.with(jdbi, DeliveryRepository::new, r -> r.find(id)).orElseThrow();
    if (digests.foldIfOverLimit(delivery, now)) {
      return null;
    }
    return workers.submit(() -> sendClaimed(delivery));
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

  private void sendClaimed(Delivery delivery) {
    try {
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
      PageMessage message =
          composer.compose(
              details,
              alertCount(delivery.incidentId()),
              person,
              delivery.isPage(),
              clock.instant());
      try {
        channels.forType(contact.type()).send(contact, message);
        delivered(delivery, person, contact);
      } catch (DeliveryFailure failure) {
        failed(delivery, person, failure);
      }
    } catch (RuntimeException e) {
      // Whatever failed, the delivery stays claimed until its lease runs out; then the next pass
      // sends it again. Logged at error so a bug here is seen, not silent.
      log.error(
          "delivery {} could not be processed; retrying when its lease ends", delivery.id(), e);
    } finally {
      inFlight.remove(delivery.id());
    }
  }

  /** The incident and its first alerts: a storm's page carries 100 of its thousands. */
  private IncidentDetails details(long incidentId) {
    return jdbi.withHandle(
        handle ->
            new IncidentDetails(
                new IncidentRepository(handle).findIncident(incidentId).orElseThrow(),
                new AlertRepository(handle).firstAlerts(incidentId, PageMessage.MAX_ALERTS),
                List.of(),
                IncidentReview.empty()));
  }

  private int alertCount(long incidentId) {
    return Repositories.with(jdbi, AlertRepository::new, r -> r.alertCount(incidentId));
  }

  private void delivered(Delivery delivery, Person person, Contact contact) {
    Instant now = clock.instant();
    OutcomeWrites.write(
        jdbi,
        handle -> {
          new DeliveryRepository(handle).markDelivered(delivery.id(), now);
          if (delivery.isPage()) {
            Timeline.on(handle)
                .stamp(
                    delivery.incidentId(),
                    now,
                    TimelineKind.PAGE_DELIVERED,
                    "Page delivered to " + person.name() + " via " + contact.channel());
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
    if (policy.afterFailure(delivery.attempts(), failure, clock.instant())
        instanceof DeliveryPolicy.RetryAt retry) {
      Instant next = retry.at();
      OutcomeWrites.write(
          jdbi,
          handle ->
              new DeliveryRepository(handle)
                  .reschedule(delivery.id(), next, limit(failure.getMessage())));
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
    OutcomeWrites.write(
        jdbi,
        handle -> {
          new DeliveryRepository(handle).finish(delivery.id(), "FAILED", limit(error));
          if (delivery.isPage()) {
            Timeline.on(handle)
                .stamp(
                    delivery.incidentId(),
                    now,
                    TimelineKind.PAGE_FAILED,
                    limit(
                        "Page to "
                            + name
                            + " via "
                            + delivery.channel()
                            + " failed after "
                            + delivery.attempts()
                            + (delivery.attempts() == 1 ? " attempt: " : " attempts: ")
                            + error));
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
    OutcomeWrites.write(
        jdbi, handle -> new DeliveryRepository(handle).finish(delivery.id(), status, error));
  }

  static String limit(String text) {
    return text == null || text.length() <= 1900 ? text : text.substring(0, 1899) + "…";
  }
}
