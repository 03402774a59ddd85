package dev.firebell.oncall.contact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One of a person's contacts under its id: queued messages and notification rules name a contact by
 * this id, so reordering a person's contacts changes nothing that is waiting to be sent.
 */
public record ContactMethod(String id, Contact contact) {

  /** Letters, digits, '-', '_' and '.': never '#', which marks a position from before ids. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  private static final Pattern LEGACY_POSITION = Pattern.compile("#(\\d{1,9})");

  public String channel() {
    return contact.channel();
  }

  /**
   * The id a contact gets when oncall.yaml gives it none: its type, numbered from the second
   * unnamed contact of that type on ({@code email}, {@code email-2}). {@code earlierUnnamed} counts
   * the unnamed contacts of the same type before it.
   */
  public static String defaultId(ContactType type, int earlierUnnamed) {
    return earlierUnnamed == 0 ? type.id() : type.id() + "-" + (earlierUnnamed + 1);
  }

  /** Contacts without ids of their own, each given its default id. */
  public static List<ContactMethod> withDefaultIds(List<Contact> contacts) {
    Map<ContactType, Integer> seen = new HashMap<>();
    List<ContactMethod> methods = new ArrayList<>();
    for (Contact contact : contacts) {
      int earlier = seen.merge(contact.type(), 1, Integer::sum) - 1;
      methods.add(new ContactMethod(defaultId(contact.type(), earlier), contact));
    }
    return List.copyOf(methods);
  }

  /**
   * The contact a queued message names: by id, or, for a message queued before contacts had ids, by
   * its position ({@code #2}).
   */
  public static Optional<ContactMethod> find(List<ContactMethod> contacts, String id) {
    var legacy = LEGACY_POSITION.matcher(id);
    if (legacy.matches()) {
      int index = Integer.parseInt(legacy.group(1));
      return index < contacts.size() ? Optional.of(contacts.get(index)) : Optional.empty();
    }
    return contacts.stream().filter(method -> method.id().equals(id)).findFirst();
  }
}
