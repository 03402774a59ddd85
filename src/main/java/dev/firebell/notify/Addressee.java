package dev.firebell.notify;

import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.contact.ContactMethod;
import dev.firebell.outbox.DeliveryFailure;
import java.util.Optional;

/** The person and contact a queued message names, as the on-call configuration has them now. */
record Addressee(Person person, ContactMethod contact) {

  static Optional<Addressee> find(OnCall oncall, String personId, String contactId) {
    Person person = oncall.people().get(personId);
    return person == null
        ? Optional.empty()
        : person.contact(contactId).map(contact -> new Addressee(person, contact));
  }

  /**
   * The addressee, or a failure for good when the person or the contact was removed from the
   * on-call configuration: retrying would not bring them back.
   */
  static Addressee require(OnCall oncall, String personId, String contactId)
      throws DeliveryFailure {
    Optional<Addressee> found = find(oncall, personId, contactId);
    if (found.isEmpty()) {
      throw DeliveryFailure.permanent(
          oncall.people().containsKey(personId)
              ? "contact '" + contactId + "' of " + personId + " is no longer configured"
              : "person '" + personId + "' is no longer configured");
    }
    return found.get();
  }
}
