package dev.firebell.paging;

import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.Route;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.Target;
import dev.firebell.oncall.contact.Contact;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.oncall.contact.UrlContact;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The team of the tests: Tessa is on call in schedule "primary" and Sam is the second step, both
 * paged through webhooks at a capture server. Policy: 5 min, then 10 min, repeated once.
 */
public final class PagingSetup {
  private PagingSetup() {}

  public static OnCall team(CaptureServer capture) {
    return team(List.of(webhook(capture.url("/tessa"))), List.of(webhook(capture.url("/sam"))));
  }

  public static OnCall team(List<Contact> tessaContacts, List<Contact> samContacts) {
    Person tessa = new Person("tessa", "Tessa", tessaContacts);
    Person sam = new Person("sam", "Sam", samContacts);
    Schedule primary =
        new Schedule(
            "primary",
            ZoneId.of("America/Denver"),
            List.of(
                new Rotation(
                    LocalDateTime.parse("2026-01-05T09:00"), Duration.ofDays(7), List.of("tessa"))),
            List.of());
    EscalationPolicy policy =
        new EscalationPolicy(
            "default",
            List.of(
                new EscalationStep(
                    List.of(new Target(Target.Kind.SCHEDULE, "primary")), Duration.ofMinutes(5)),
                new EscalationStep(
                    List.of(new Target(Target.Kind.PERSON, "sam")), Duration.ofMinutes(10))),
            1);
    return new OnCall(
        Map.of("tessa", tessa, "sam", sam),
        Map.of("primary", primary),
        Map.of("default", policy),
        List.of(new Route(Map.of(), "default")),
        List.of());
  }

  /** {@code team} with these people added, or in place of the one with the same id. */
  public static OnCall with(OnCall team, Person... people) {
    Map<String, Person> all = new java.util.HashMap<>(team.people());
    for (Person person : people) {
      all.put(person.id(), person);
    }
    return new OnCall(Map.copyOf(all), team.schedules(), team.policies(), team.routes(), List.of());
  }

  /** {@code person} with other accounts and role. */
  public static Person as(Person person, Person.Accounts accounts, dev.firebell.oncall.Role role) {
    return new Person(
        person.id(),
        person.name(),
        person.contacts(),
        person.rules(),
        person.timeZone(),
        accounts,
        role);
  }

  public static Contact webhook(String url) {
    return new UrlContact(ContactType.WEBHOOK, url);
  }
}
