package dev.firebell.channel;

import dev.firebell.oncall.Contact;
import dev.firebell.outbox.DeliveryFailure;

/** Sends a message over one kind of contact. */
public interface Channel {
  void send(Contact contact, PageMessage message) throws DeliveryFailure;

  /** Sends a notice that belongs to no incident (a shift begins, a request for cover). */
  void notify(Contact contact, Notice notice) throws DeliveryFailure;
}
