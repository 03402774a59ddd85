package dev.firebell.channel.twilio;

import dev.firebell.channel.ContactCheck;
import dev.firebell.channel.ContactReader;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.oncall.contact.PhoneContact;

/** SMS and voice contacts: a phone number in E.164 form, and the twilio: section to call with. */
public final class PhoneContacts {
  private PhoneContacts() {}

  public static ContactReader<PhoneContact> reader(ContactType type) {
    return (entry, check) -> read(type, entry.to(), check);
  }

  private static PhoneContact read(ContactType type, String number, ContactCheck check) {
    String to = check.required(number, "to");
    if (!to.matches("\\+[1-9][0-9]{6,14}")) {
      throw check.problem("to", "'" + to + "' is not a phone number in E.164 form (+15551234567)");
    }
    if (!check.config().twilio().isConfigured()) {
      throw check.problem(
          null,
          type.id()
              + " contacts need the twilio: section of firebell.yaml (accountSid, authToken,"
              + " from)");
    }
    return new PhoneContact(type, number);
  }
}
