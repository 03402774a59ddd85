package dev.firebell.channel;

import dev.firebell.oncall.contact.Contact;
import dev.firebell.oncall.contact.ContactEntry;

/** Reads one channel's contact entry of oncall.yaml, refusing it with the check's problems. */
@FunctionalInterface
public interface ContactReader<C extends Contact> {
  C read(ContactEntry entry, ContactCheck check);
}
