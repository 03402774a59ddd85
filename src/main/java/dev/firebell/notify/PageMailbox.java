package dev.firebell.notify;

import dev.firebell.channel.Channels;
import dev.firebell.channel.PageMessage;
import dev.firebell.channel.Sent;
import dev.firebell.incident.IncidentDetails;
import dev.firebell.incident.IncidentRows;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.alert.IncidentAlert;
import dev.firebell.incident.review.IncidentReview;
import dev.firebell.incident.timeline.Timeline;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.contact.Contact;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.outbox.LeasedSender;
import dev.firebell.outbox.Mailbox;
import dev.firebell.store.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Pages and status updates in the outbox ({@code page_delivery}). A page claimed beyond its
 * contact's rate is folded into a digest instead of sent; a page whose incident was acknowledged or
 * resolved meanwhile is cancelled; a contact gone from the on-call file fails for good.
 */
public final class PageMailbox implements Mailbox<Delivery> {
  private static final int BATCH = 200;

  private final Jdbi jdbi;
  private final Rota rota;
  private final Channels channels;
  private final PageComposer composer;
  private final PageFolding folding;
  private final Clock clock;

  public PageMailbox(
      Jdbi jdbi,
      Rota rota,
      Channels channels,
      PageComposer composer,
      PageFolding folding,
      Clock clock) {
    this.jdbi = jdbi;
    this.rota = rota;
    this.channels = channels;
    this.composer = composer;
    this.folding = folding;
    this.clock = clock;
  }

  @Override
  public List<Delivery> due(Instant now) {
    return Repositories.with(jdbi, DeliveryRepository::new, r -> r.due(now, BATCH));
  }

  @Override
  public Optional<Delivery> claim(Delivery due, Instant now, Instant leaseUntil) {
    boolean claimed =
        Repositories.with(
                jdbi,
                DeliveryRepository::new,
                r -> r.rows().claim(due.id(), DeliveryStatus.PENDING, now, leaseUntil))
            == 1;
    if (!claimed) {
      return Optional.empty();
    }
    Delivery delivery = due.withAttemptCounted();
    return folding.foldIfOverLimit(delivery, now) ? Optional.empty() : Optional.of(delivery);
  }

  @Override
  public Outcome send(Delivery delivery) throws DeliveryFailure {
    Loaded loaded = load(delivery.incidentId());
    IncidentDetails details = loaded.details();
    if (delivery.isPage() && details.incident().status() != IncidentStatus.TRIGGERED) {
      return new Outcome(
          "cancelled",
          (handle, now) ->
              new DeliveryRepository(handle)
                  .rows()
                  .finish(delivery.id(), DeliveryStatus.CANCELLED, null),
          null);
    }
    Addressee addressee =
        Addressee.require(rota.current(), delivery.personId(), delivery.contactId());
    Person person = addressee.person();
    Contact contact = addressee.contact().contact();
    PageMessage message =
        composer.compose(details, loaded.alertCount(), person, delivery.isPage(), clock.instant());
    List<String> earlier =
        delivery.isPage()
            ? List.of()
            : Repositories.with(
                jdbi,
                DeliveryRepository::new,
                r -> r.vendorIds(delivery.incidentId(), delivery.personId(), delivery.contactId()));
    Sent sent =
        earlier.isEmpty()
            ? channels.send(contact, message)
            : channels.update(contact, message, earlier);
    return new Outcome(
        "delivered",
        (handle, now) -> {
          DeliveryRepository deliveries = new DeliveryRepository(handle);
          deliveries.rows().markDelivered(delivery.id(), now);
          deliveries.keepVendorId(delivery.id(), sent.vendorId());
          sent.watch().start(handle, delivery.incidentId(), delivery.personId(), now);
          if (delivery.isPage()) {
            Timeline.on(handle)
                .stamp(
                    delivery.incidentId(),
                    now,
                    TimelineKind.PAGE_DELIVERED,
                    "Page delivered to " + person.name() + " via " + contact.channel());
          }
        },
        "incident "
            + delivery.incidentId()
            + ": "
            + (delivery.isPage() ? "page" : "status update")
            + " delivered to "
            + person.id()
            + " via "
            + contact.channel());
  }

  @Override
  public void retry(Handle handle, Delivery delivery, Instant at, String error) {
    new DeliveryRepository(handle).rows().reschedule(delivery.id(), at, error);
  }

  @Override
  public void failed(Handle handle, Delivery delivery, String error, Instant now) {
    new DeliveryRepository(handle).rows().finish(delivery.id(), DeliveryStatus.FAILED, error);
    if (delivery.isPage()) {
      Person person = rota.current().people().get(delivery.personId());
      String name = person == null ? delivery.personId() : person.name();
      Timeline.on(handle)
          .stamp(
              delivery.incidentId(),
              now,
              TimelineKind.PAGE_FAILED,
              LeasedSender.limit(
                  "Page to "
                      + name
                      + " via "
                      + delivery.channel()
                      + " failed after "
                      + delivery.attempts()
                      + (delivery.attempts() == 1 ? " attempt: " : " attempts: ")
                      + error));
    }
  }

  @Override
  public String describe(Delivery delivery) {
    return "incident "
        + delivery.incidentId()
        + ": "
        + (delivery.isPage() ? "page" : "status update")
        + " to "
        + delivery.personId()
        + " via "
        + delivery.channel();
  }

  /** What a page shows: the incident, its first alerts and how many it has. */
  private record Loaded(IncidentDetails details, int alertCount) {}

  /** The incident and its first alerts: a storm's page carries 100 of its thousands. */
  private Loaded load(long incidentId) {
    return jdbi.withHandle(
        handle -> {
          IncidentRows rows = IncidentRows.on(handle);
          List<IncidentAlert> first = rows.firstAlerts(incidentId, PageMessage.MAX_ALERTS);
          return new Loaded(
              new IncidentDetails(
                  rows.find(incidentId).orElseThrow(), first, List.of(), IncidentReview.empty()),
              rows.alertCount(incidentId, first, PageMessage.MAX_ALERTS));
        });
  }
}
