package dev.firebell.paging;

import dev.firebell.oncall.Contact;

/** Sends a message over one kind of contact. */
public interface Channel {
  void send(Contact contact, PageMessage message) throws DeliveryFailure;

  /** Sends a notice that belongs to no incident (a shift begins, a request for cover). */
  void notify(Contact contact, Notice notice) throws DeliveryFailure;
}
