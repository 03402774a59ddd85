package dev.firebell.oncall;

import dev.firebell.config.Urgency;
import dev.firebell.oncall.contact.Contact;
import dev.firebell.oncall.contact.ContactMethod;
import dev.firebell.oncall.contact.NotificationRule;
import dev.firebell.oncall.contact.NotificationRules;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Someone who can be paged: their contacts, each under its id, and the notification rules that say
 * which contacts a page reaches when; {@code timeZone} (null when not set) is the zone the web
 * interface shows them every time in; {@code accounts} link them to other tools; {@code role} says
 * what they may do.
 */
public record Person(
    String id,
    String name,
    List<ContactMethod> contacts,
    NotificationRules rules,
    ZoneId timeZone,
    Accounts accounts,
    Role role) {

  /**
   * Who this person is elsewhere (each null when not set): their Telegram user id and Slack member
   * id, whose presses and commands act as them, and the email single sign-on knows them by.
   */
  public record Accounts(Long telegramUserId, String slackUserId, String email) {
    public static final Accounts NONE = new Accounts(null, null, null);
  }

  public Person {
    accounts = accounts == null ? Accounts.NONE : accounts;
    role = role == null ? Role.RESPONDER : role;
  }

  /** A responder with a Telegram account and a time zone of their own (either may be null). */
  public Person(
      String id,
      String name,
      List<ContactMethod> contacts,
      NotificationRules rules,
      Long telegramUserId,
      ZoneId timeZone) {
    this(id, name, contacts, rules, timeZone, new Accounts(telegramUserId, null, null), null);
  }

  /** Without a time zone of their own: pages they view use the schedule's, or UTC. */
  public Person(
      String id,
      String name,
      List<ContactMethod> contacts,
      NotificationRules rules,
      Long telegramUserId) {
    this(id, name, contacts, rules, telegramUserId, null);
  }

  /** Someone paged on every contact at once, each under its default id. */
  public Person(String id, String name, List<Contact> contacts) {
    this(
        id,
        name,
        ContactMethod.withDefaultIds(contacts),
        NotificationRules.EVERY_CONTACT_AT_ONCE,
        null);
  }

  public Long telegramUserId() {
    return accounts.telegramUserId();
  }

  public String slackUserId() {
    return accounts.slackUserId();
  }

  public String email() {
    return accounts.email();
  }

  /** One contact to page, {@code after} the step that pages this person. */
  public record ContactPage(ContactMethod contact, Duration after) {}

  /** What paging this person at {@code urgency} sends: each rule's contact, after its delay. */
  public List<ContactPage> pagesFor(Urgency urgency) {
    return rules.rulesFor(urgency, contacts).stream()
        .flatMap(rule -> contactPage(rule).stream())
        .toList();
  }

  /** The contact a queued message names, while this person still has it. */
  public Optional<ContactMethod> contact(String contactId) {
    return ContactMethod.find(contacts, contactId);
  }

  private Optional<ContactPage> contactPage(NotificationRule rule) {
    return contact(rule.contactId()).map(method -> new ContactPage(method, rule.after()));
  }
}
