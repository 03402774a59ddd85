package dev.firebell.importer;

import dev.firebell.oncall.contact.ContactMethod;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.oncall.contact.EmailContact;
import dev.firebell.oncall.contact.PhoneContact;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One person's imported contacts, each under the id Firebell would give it by default (its type,
 * numbered from the second of that type: {@code sms}, {@code sms-2}), so rules can name them.
 */
public final class ContactNumbering {
  private final Map<ContactType, Integer> seen = new EnumMap<>(ContactType.class);

  /** A phone contact ({@code sms} or {@code voice}) in E.164 form; empty without digits. */
  public Optional<ContactMethod> phone(ContactType type, String countryCode, String number) {
    String digits = number == null ? "" : number.replaceAll("[^0-9]", "");
    if (digits.isEmpty()) {
      return Optional.empty();
    }
    String country = countryCode == null ? "" : countryCode.replaceAll("[^0-9]", "");
    return Optional.of(
        new ContactMethod(next(type), new PhoneContact(type, "+" + country + digits)));
  }

  /** An email contact; empty without an address. */
  public Optional<ContactMethod> email(String address) {
    if (address == null || !address.contains("@")) {
      return Optional.empty();
    }
    return Optional.of(
        new ContactMethod(next(ContactType.EMAIL), new EmailContact(address.strip())));
  }

  private String next(ContactType type) {
    return ContactMethod.defaultId(type, seen.merge(type, 1, Integer::sum) - 1);
  }
}
