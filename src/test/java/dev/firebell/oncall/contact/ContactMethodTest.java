package dev.firebell.oncall.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.config.Urgency;
import dev.firebell.oncall.Person;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contacts by id, the positions of messages queued before ids, and the rules that pick them. */
class ContactMethodTest {
  private static final Contact SMS = new PhoneContact(ContactType.SMS, "+15550100");
  private static final Contact OTHER_SMS = new PhoneContact(ContactType.SMS, "+15550101");
  private static final Contact EMAIL = new EmailContact("tessa@example.com");

  @Test
  void unnamedContactsAreNamedByTypeAndNumberedFromTheSecond() {
    assertThat(ContactMethod.withDefaultIds(List.of(SMS, EMAIL, OTHER_SMS)))
        .extracting(ContactMethod::id)
        .containsExactly("sms", "email", "sms-2");
  }

  @Test
  void aQueuedMessageFindsItsContactByIdWhereverItMoved() {
    List<ContactMethod> before = List.of(method("text", SMS), method("mail", EMAIL));
    List<ContactMethod> reordered = List.of(method("mail", EMAIL), method("text", SMS));
    assertThat(ContactMethod.find(before, "text")).map(ContactMethod::contact).contains(SMS);
    assertThat(ContactMethod.find(reordered, "text")).map(ContactMethod::contact).contains(SMS);
    assertThat(ContactMethod.find(reordered, "phone")).isEmpty();
  }

  @Test
  void aMessageQueuedBeforeIdsGoesToTheContactAtItsPosition() {
    List<ContactMethod> contacts = List.of(method("text", SMS), method("mail", EMAIL));
    assertThat(ContactMethod.find(contacts, "#1")).map(ContactMethod::id).contains("mail");
    assertThat(ContactMethod.find(contacts, "#2")).isEmpty();
    assertThat(ContactMethod.ID.matcher("#1").matches()).isFalse();
  }

  @Test
  void withoutRulesEveryContactIsPagedAtOnce() {
    Person tessa = new Person("tessa", "Tessa", List.of(SMS, EMAIL));
    assertThat(tessa.pagesFor(Urgency.LOW))
        .extracting(page -> page.contact().id() + "@" + page.after())
        .containsExactly("sms@PT0S", "email@PT0S");
  }

  @Test
  void lowUrgencyUsesHighRulesWhenThereAreNoLowOnes() {
    NotificationRules onlyHigh =
        new NotificationRules(
            List.of(
                new NotificationRule("mail", Duration.ZERO),
                new NotificationRule("text", Duration.ofMinutes(2))),
            List.of());
    Person tessa =
        new Person(
            "tessa", "Tessa", List.of(method("text", SMS), method("mail", EMAIL)), onlyHigh, null);
    assertThat(tessa.pagesFor(Urgency.LOW))
        .extracting(page -> page.contact().id() + "@" + page.after())
        .containsExactly("mail@PT0S", "text@PT2M");
  }

  private static ContactMethod method(String id, Contact contact) {
    return new ContactMethod(id, contact);
  }
}
