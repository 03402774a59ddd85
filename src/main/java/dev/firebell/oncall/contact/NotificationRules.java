package dev.firebell.oncall.contact;

import dev.firebell.config.Urgency;
import java.time.Duration;
import java.util.List;

/**
 * A person's notification rules: which contacts a page reaches and after how long, for high and for
 * low urgency. No {@code high} rules: every contact at once (as before rules existed); no {@code
 * low} rules: low urgency follows {@code high}.
 */
public record NotificationRules(List<NotificationRule> high, List<NotificationRule> low) {
  public static final NotificationRules EVERY_CONTACT_AT_ONCE =
      new NotificationRules(List.of(), List.of());

  public NotificationRules {
    high = List.copyOf(high);
    low = List.copyOf(low);
  }

  public boolean isEmpty() {
    return high.isEmpty() && low.isEmpty();
  }

  /** The rules a page of {@code urgency} follows over {@code contacts}. */
  public List<NotificationRule> rulesFor(Urgency urgency, List<ContactMethod> contacts) {
    List<NotificationRule> rules = urgency == Urgency.LOW && !low.isEmpty() ? low : high;
    if (!rules.isEmpty()) {
      return rules;
    }
    return contacts.stream()
        .map(method -> new NotificationRule(method.id(), Duration.ZERO))
        .toList();
  }
}
