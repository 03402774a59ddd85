package dev.firebell.notify;

import dev.firebell.config.PagingConfig;
import dev.firebell.incident.timeline.Timeline;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.contact.Contact;
import dev.firebell.outbox.DeliveryObserver;
import dev.firebell.store.Repositories;
import dev.firebell.store.UniqueViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert-storm protection: a claimed page beyond its contact's rate ({@code
 * maxPagesPerPersonPerMinute}) is folded instead of sent, and the folded pages go out as one digest
 * at the start of the next minute ({@link DigestMailbox}).
 */
public final class PageFolding {
  private static final Logger log = LoggerFactory.getLogger(PageFolding.class);
  private static final Duration REPAIR_EVERY = Duration.ofMinutes(1);

  private final Jdbi jdbi;
  private final Rota rota;
  private final StormLimit limit;
  private final DeliveryObserver observer;
  private volatile Instant lastRepair;

  private final Map<List<Object>, Integer> counted = new HashMap<>();
  private Instant countedAt;

  public PageFolding(Jdbi jdbi, Rota rota, PagingConfig config, DeliveryObserver observer) {
    this.jdbi = jdbi;
    this.rota = rota;
    this.limit = new StormLimit(config.maxPagesPerPersonPerMinute());
    this.observer = observer;
  }

  /**
   * Folds a claimed page when its contact already had the allowed pages in the last minute ({@link
   * StormLimit}). The database is asked once per contact a second at most; each page let through
   * since is counted here, as the database would count it while it is being sent.
   */
  synchronized boolean foldIfOverLimit(Delivery delivery, Instant now) {
    Optional<Addressee> addressee =
        delivery.isPage()
            ? Addressee.find(rota.current(), delivery.personId(), delivery.contactId())
            : Optional.empty();
    if (addressee.isEmpty()) { // a status update, or a contact gone: sending it says so
      return false;
    }
    List<Object> contact = List.of(delivery.personId(), delivery.contactId());
    Integer known = counted.get(contact);
    int recent = known != null ? known : recentPages(delivery, now);
    StormLimit.Decision decision = limit.decide(recent, now);
    if (decision instanceof StormLimit.Send send) {
      counted.put(contact, send.countAfter());
      return false;
    }
    counted.put(contact, recent);
    Instant digestAt = ((StormLimit.Fold) decision).digestAt(); // the only other decision
    fold(delivery, addressee.get().person(), addressee.get().contact().contact(), digestAt, now);
    return true;
  }

  /** A new dispatch pass: counts that no longer serve are asked again. */
  public synchronized void startPass(Instant now) {
    if (!StormLimit.countsStillServe(countedAt, now)) {
      counted.clear();
      countedAt = now;
    }
  }

  private int recentPages(Delivery delivery, Instant now) {
    return Repositories.with(
        jdbi,
        DigestRepository::new,
        r ->
            r.recentPages(
                delivery.personId(),
                delivery.contactId(),
                now.minus(StormLimit.WINDOW),
                now,
                delivery.id(),
                limit.perMinute()));
  }

  /**
   * Folds the page and queues its digest in one transaction, so no folded page is ever left without
   * a digest to send it. Two senders creating the same digest at once: the loser's transaction
   * fails on the digest's key and runs again, finding the digest there.
   */
  private void fold(
      Delivery delivery, Person person, Contact contact, Instant sendAt, Instant now) {
    UniqueViolation.retry(
        () ->
            jdbi.inTransaction(
                handle -> {
                  DigestRepository digests = new DigestRepository(handle);
                  digests.fold(delivery.id(), sendAt);
                  queueDigest(
                      digests,
                      new Digest(
                          0,
                          delivery.personId(),
                          delivery.contactId(),
                          contact.channel(),
                          sendAt,
                          0));
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
                              + limit.perMinute()
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

  private static void queueDigest(DigestRepository digests, Digest digest) {
    if (digests.digestsAt(digest.personId(), digest.contactId(), digest.sendAt()) == 0) {
      digests.insert(digest.personId(), digest.contactId(), digest.channel(), digest.sendAt());
    }
  }

  /**
   * Once a minute: folded pages whose digest row is missing (folded by an older release, which
   * queued the digest in a second transaction that a crash could lose) get their digest now.
   */
  public void repairIfDue(Instant now) {
    if (lastRepair != null && now.isBefore(lastRepair.plus(REPAIR_EVERY))) {
      return;
    }
    lastRepair = now;
    for (Digest missing : Repositories.with(jdbi, DigestRepository::new, r -> r.missing())) {
      UniqueViolation.retry(
          () ->
              jdbi.inTransaction(
                  handle -> {
                    queueDigest(new DigestRepository(handle), missing);
                    return null;
                  }));
      log.warn(
          "queued the missing {} digest for {} (contact {})",
          missing.sendAt(),
          missing.personId(),
          missing.contactId());
    }
  }
}
