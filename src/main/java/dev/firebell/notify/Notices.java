package dev.firebell.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.Notice;
import dev.firebell.channel.PageMessage;
import dev.firebell.json.Json;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.contact.ContactMethod;
import dev.firebell.security.Hashing;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Queues notices for every contact of a person, once: {@code onceKey} names what the notice is for
 * (a shift's start, a request for cover), and a second queueing of the same key, by this instance
 * or another, is a unique violation that the caller takes as "already done".
 */
public final class Notices {
  private final ObjectMapper json;

  public Notices(ObjectMapper json) {
    this.json = json;
  }

  /** Queues {@code notice} for each of {@code person}'s contacts, in the caller's transaction. */
  public void queue(Handle handle, String onceKey, Person person, Notice notice, Instant now) {
    NoticeRepository notices = new NoticeRepository(handle);
    String payload =
        Json.write(json, notice.to(new PageMessage.Recipient(person.id(), person.name())));
    for (ContactMethod contact : person.contacts()) {
      notices.insert(
          Hashing.sha256Hex(onceKey + "|" + person.id() + "|" + contact.id()),
          person.id(),
          contact.id(),
          contact.channel(),
          notice.kind(),
          payload,
          now);
    }
  }
}
