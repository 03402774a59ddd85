package dev.firebell.notify;

import dev.firebell.channel.Channels;
import dev.firebell.incident.timeline.Timeline;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.contact.Contact;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.outbox.LeasedSender;
import dev.firebell.outbox.Mailbox;
import dev.firebell.store.Repositories;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Digests of folded pages ({@code page_digest}): one message per contact a minute listing the
 * incidents still triggered. A digest whose incidents were all handled meanwhile, or whose contact
 * is gone, ends EMPTY without a send.
 */
public final class DigestMailbox implements Mailbox<Digest> {
  private final Jdbi jdbi;
  private final Rota rota;
  private final Channels channels;
  private final PageComposer composer;

  public DigestMailbox(Jdbi jdbi, Rota rota, Channels channels, PageComposer composer) {
    this.jdbi = jdbi;
    this.rota = rota;
    this.channels = channels;
    this.composer = composer;
  }

  @Override
  public List<Digest> due(Instant now) {
    return Repositories.with(jdbi, DigestRepository::new, r -> r.due(now));
  }

  @Override
  public Optional<Digest> claim(Digest due, Instant now, Instant leaseUntil) {
    int claimed =
        Repositories.with(
            jdbi,
            DigestRepository::new,
            r -> r.rows().claim(due.id(), DeliveryStatus.PENDING, now, leaseUntil));
    return claimed == 1 ? Optional.of(due.withAttemptCounted()) : Optional.empty();
  }

  @Override
  public Outcome send(Digest digest) throws DeliveryFailure {
    List<FoldedPage> folded =
        Repositories.with(
            jdbi,
            DigestRepository::new,
            r -> r.folded(digest.personId(), digest.contactId(), digest.sendAt()));
    if (folded.isEmpty()) {
      return new Outcome(
          null,
          (handle, now) ->
              new DigestRepository(handle).rows().finish(digest.id(), DeliveryStatus.EMPTY, null),
          null);
    }
    Addressee addressee = Addressee.require(rota.current(), digest.personId(), digest.contactId());
    Person person = addressee.person();
    Contact contact = addressee.contact().contact();
    channels.send(contact, composer.digest(person, folded));
    return new Outcome(
        "delivered",
        (handle, now) -> {
          new DigestRepository(handle).rows().markDelivered(digest.id(), now);
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
        },
        "digest of "
            + folded.size()
            + " incidents delivered to "
            + person.id()
            + " via "
            + contact.channel());
  }

  @Override
  public void retry(Handle handle, Digest digest, Instant at, String error) {
    new DigestRepository(handle).rows().reschedule(digest.id(), at, error);
  }

  @Override
  public void failed(Handle handle, Digest digest, String error, Instant now) {
    new DigestRepository(handle).rows().finish(digest.id(), DeliveryStatus.FAILED, error);
    Person person = rota.current().people().get(digest.personId());
    String name = person == null ? digest.personId() : person.name();
    Timeline timeline = Timeline.on(handle);
    for (FoldedPage page :
        new DigestRepository(handle)
            .folded(digest.personId(), digest.contactId(), digest.sendAt())) {
      timeline.stamp(
          page.incidentId(),
          now,
          TimelineKind.PAGE_FAILED,
          LeasedSender.limit(
              "Digest with this incident to "
                  + name
                  + " via "
                  + digest.channel()
                  + " failed after "
                  + digest.attempts()
                  + (digest.attempts() == 1 ? " attempt: " : " attempts: ")
                  + error));
    }
  }

  @Override
  public String describe(Digest digest) {
    return "the "
        + digest.sendAt()
        + " digest for "
        + digest.personId()
        + " via "
        + digest.channel();
  }
}
