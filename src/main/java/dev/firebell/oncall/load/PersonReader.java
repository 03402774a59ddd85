package dev.firebell.oncall.load;

import dev.firebell.channel.ChannelTypes;
import dev.firebell.channel.ContactCheck;
import dev.firebell.config.FirebellConfig;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.contact.Contact;
import dev.firebell.oncall.contact.ContactEntry;
import dev.firebell.oncall.contact.ContactMethod;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.oncall.contact.NotificationRule;
import dev.firebell.oncall.contact.NotificationRules;
import dev.firebell.oncall.load.OnCallFile.NotifyEntry;
import dev.firebell.oncall.load.OnCallFile.PersonEntry;
import dev.firebell.oncall.load.OnCallFile.RuleEntry;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one person of oncall.yaml: their contacts, each under its {@code id} (or its default one),
 * and their notification rules, which may name only those ids.
 */
final class PersonReader {
  /** A rule waits at most this long: a longer wait is a typo, not a plan. */
  static final Duration LONGEST_WAIT = Duration.ofDays(1);

  private static final Pattern SLACK_MEMBER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,200}@[^@\\s]{1,200}");

  private final String file;
  private final Fields fields;
  private final FirebellConfig config;

  PersonReader(String file, Fields fields, FirebellConfig config) {
    this.file = file;
    this.fields = fields;
    this.config = config;
  }

  Person read(PersonEntry entry, String key) {
    String id = fields.required(entry.id(), key + ".id");
    String name = entry.name() == null || entry.name().isBlank() ? id : entry.name();
    List<ContactMethod> contacts = contacts(entry.contacts(), key + ".contacts");
    NotificationRules rules =
        entry.rules() == null
            ? NotificationRules.EVERY_CONTACT_AT_ONCE
            : rules(entry.rules(), key + ".notify", contacts);
    ZoneId zone =
        entry.timeZone() == null ? null : fields.zone(entry.timeZone(), key + ".timeZone");
    String slackUserId = entry.slackUserId();
    if (slackUserId != null && !SLACK_MEMBER_ID.matcher(slackUserId).matches()) {
      throw fields.problem(
          key + ".slackUserId",
          "'"
              + slackUserId
              + "' is not a Slack member id (U0123ABCD: in Slack, a person's profile,"
              + " then ⋮, then Copy member ID)");
    }
    String email = entry.email() == null || entry.email().isBlank() ? null : entry.email().strip();
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw fields.problem(key + ".email", "'" + email + "' is not an email address");
    }
    Role role =
        entry.role() == null
            ? Role.RESPONDER
            : Role.parse(entry.role())
                .orElseThrow(
                    () ->
                        fields.problem(
                            key + ".role",
                            "'"
                                + entry.role()
                                + "' is not a role (use viewer, responder or admin)"));
    return new Person(
        id,
        name,
        contacts,
        rules,
        zone,
        new Person.Accounts(entry.telegramUserId(), slackUserId, email),
        role);
  }

  /** Each contact under its own id or its default one; two contacts never share an id. */
  private List<ContactMethod> contacts(List<ContactEntry> entries, String key) {
    Map<String, String> keyOfId = new LinkedHashMap<>();
    Map<ContactType, Integer> unnamed = new HashMap<>();
    List<ContactMethod> contacts = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String contactKey = key + "[" + i + "]";
      ContactEntry entry = entries.get(i);
      Contact contact = ChannelTypes.read(entry, new ContactCheck(file, contactKey, config));
      String id;
      if (entry.id() == null) {
        int earlier = unnamed.merge(contact.type(), 1, Integer::sum) - 1;
        id = ContactMethod.defaultId(contact.type(), earlier);
      } else {
        id = entry.id().strip();
        if (!ContactMethod.ID.matcher(id).matches()) {
          throw fields.problem(
              contactKey + ".id",
              "'" + entry.id() + "' is not a contact id (letters, digits, '-', '_' and '.')");
        }
      }
      String other = keyOfId.put(id, contactKey);
      if (other != null) {
        throw fields.problem(
            contactKey + ".id",
            "'"
                + id
                + "' is also the id of "
                + other
                + (entry.id() == null ? " (contacts without an id get their type, numbered)" : "")
                + "; give each contact its own id");
      }
      contacts.add(new ContactMethod(id, contact));
    }
    return List.copyOf(contacts);
  }

  private NotificationRules rules(NotifyEntry entry, String key, List<ContactMethod> contacts) {
    if (entry.high() == null && entry.low() == null) {
      throw fields.problem(key, "needs high, low or both");
    }
    return new NotificationRules(
        ruleList(entry.high(), key + ".high", contacts),
        ruleList(entry.low(), key + ".low", contacts));
  }

  private List<NotificationRule> ruleList(
      List<RuleEntry> entries, String key, List<ContactMethod> contacts) {
    if (entries == null) {
      return List.of();
    }
    if (entries.isEmpty()) {
      throw fields.problem(key, "needs at least one rule (leave it out to page every contact)");
    }
    Set<NotificationRule> seen = new HashSet<>();
    List<NotificationRule> rules = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      NotificationRule rule = rule(entries.get(i), key + "[" + i + "]", contacts);
      if (!seen.add(rule)) {
        throw fields.problem(key + "[" + i + "]", "the same contact and delay are listed twice");
      }
      rules.add(rule);
    }
    return List.copyOf(rules);
  }

  private NotificationRule rule(RuleEntry entry, String key, List<ContactMethod> contacts) {
    String contact = fields.required(entry.contact(), key + ".contact");
    if (contacts.stream().noneMatch(method -> method.id().equals(contact))) {
      throw fields.problem(
          key + ".contact",
          "unknown contact '"
              + contact
              + "'"
              + (contacts.isEmpty()
                  ? "; this person has no contacts"
                  : "; this person's contacts are "
                      + String.join(", ", contacts.stream().map(ContactMethod::id).toList())));
    }
    Duration after = Duration.ZERO;
    if (entry.after() != null) {
      after = fields.duration(entry.after(), key + ".after");
      if (after.toMillis() % 1000 != 0) {
        throw fields.problem(key + ".after", "must be whole seconds");
      }
      if (after.compareTo(LONGEST_WAIT) > 0) {
        throw fields.problem(key + ".after", "must be at most 1d");
      }
    }
    return new NotificationRule(contact, after);
  }
}
