package dev.firebell.paging;

import dev.firebell.oncall.Contact;

/** Sends a message over one kind of contact. */
public interface Channel {
  void send(Contact contact, PageMessage message) throws DeliveryFailure;
}
