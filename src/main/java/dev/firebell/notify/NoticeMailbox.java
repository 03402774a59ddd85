package dev.firebell.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.Channels;
import dev.firebell.channel.Notice;
import dev.firebell.oncall.Rota;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.outbox.Mailbox;
import dev.firebell.store.Repositories;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices ({@code notice_delivery}): hand-offs and requests for cover. They belong to no incident,
 * so a notice that fails for good is logged at error and counted, the places people look for it.
 */
public final class NoticeMailbox implements Mailbox<QueuedNotice> {
  private static final Logger log = LoggerFactory.getLogger(NoticeMailbox.class);
  private static final int BATCH = 100;

  private final Jdbi jdbi;
  private final Rota rota;
  private final Channels channels;
  private final ObjectMapper json;

  public NoticeMailbox(Jdbi jdbi, Rota rota, Channels channels, ObjectMapper json) {
    this.jdbi = jdbi;
    this.rota = rota;
    this.channels = channels;
    this.json = json;
  }

  @Override
  public List<QueuedNotice> due(Instant now) {
    return Repositories.with(jdbi, NoticeRepository::new, r -> r.due(now, BATCH));
  }

  @Override
  public Optional<QueuedNotice> claim(QueuedNotice due, Instant now, Instant leaseUntil) {
    int claimed =
        Repositories.with(
            jdbi,
            NoticeRepository::new,
            r -> r.rows().claim(due.id(), DeliveryStatus.PENDING, now, leaseUntil));
    return claimed == 1 ? Optional.of(due.withAttemptCounted()) : Optional.empty();
  }

  @Override
  public Outcome send(QueuedNotice queued) throws DeliveryFailure {
    Addressee addressee = Addressee.require(rota.current(), queued.personId(), queued.contactId());
    channels.notify(addressee.contact().contact(), read(queued));
    return new Outcome(
        "delivered",
        (handle, now) -> new NoticeRepository(handle).rows().markDelivered(queued.id(), now),
        describe(queued) + " delivered");
  }

  private Notice read(QueuedNotice queued) {
    try {
      return json.readValue(queued.payload(), Notice.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("notice " + queued.id() + " cannot be read", e);
    }
  }

  @Override
  public void retry(Handle handle, QueuedNotice claimed, Instant at, String error) {
    new NoticeRepository(handle).rows().reschedule(claimed.id(), at, error);
  }

  @Override
  public void failed(Handle handle, QueuedNotice claimed, String error, Instant now) {
    new NoticeRepository(handle).rows().finish(claimed.id(), DeliveryStatus.FAILED, error);
    log.error("{} failed for good: {}", describe(claimed), error);
  }

  @Override
  public String describe(QueuedNotice notice) {
    return "notice " + notice.id() + " to " + notice.personId() + " via " + notice.channel();
  }
}
