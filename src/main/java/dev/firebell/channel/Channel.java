package dev.firebell.channel;

import dev.firebell.oncall.contact.Contact;
import dev.firebell.outbox.DeliveryFailure;

/**
 * Sends a message over one kind of contact, and says what the vendor gave back ({@link
 * Sent#NOTHING} when it gave nothing Firebell keeps).
 */
public interface Channel<C extends Contact> {
  Sent send(C contact, PageMessage message) throws DeliveryFailure;

  /** Sends a notice that belongs to no incident (a shift begins, a request for cover). */
  Sent notify(C contact, Notice notice) throws DeliveryFailure;
}
