package dev.firebell.oncall;

import dev.firebell.oncall.contact.Contact;
import java.util.List;

/**
 * Someone who can be paged, on every one of their contacts in order. {@code telegramUserId} (null
 * when not set) lets their presses on Telegram's buttons act as them.
 */
public record Person(String id, String name, List<Contact> contacts, Long telegramUserId) {

  public Person(String id, String name, List<Contact> contacts) {
    this(id, name, contacts, null);
  }
}
