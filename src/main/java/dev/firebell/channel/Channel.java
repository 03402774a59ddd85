package dev.firebell.channel;

import dev.firebell.oncall.contact.Contact;
import dev.firebell.outbox.DeliveryFailure;
import java.util.List;

/**
 * Sends a message over one kind of contact, and says what the vendor gave back ({@link
 * Sent#NOTHING} when it gave nothing Firebell keeps).
 */
public interface Channel<C extends Contact> {
  Sent send(C contact, PageMessage message) throws DeliveryFailure;

  /**
   * A status update of an incident whose page this contact already got ({@code earlier}: the vendor
   * ids those pages were given). A channel that can edit a message it sent (Slack's app) edits
   * those; the others send the update as a message of its own.
   */
  default Sent update(C contact, PageMessage message, List<String> earlier) throws DeliveryFailure {
    return send(contact, message);
  }

  /** Sends a notice that belongs to no incident (a shift begins, a request for cover). */
  Sent notify(C contact, Notice notice) throws DeliveryFailure;
}
