package dev.firebell.oncall.contact;

import java.util.Locale;
import java.util.Optional;

/** The channels a person can be paged on. */
public enum ContactType {
  WEBHOOK,
  SLACK,
  DISCORD,
  NTFY,
  EMAIL,
  SMS,
  TEAMS,
  MATTERMOST,
  HTTP,
  PUSHOVER,
  TELEGRAM,
  VOICE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ContactType> parse(String text) {
    for (ContactType type : values()) {
      if (type.id().equals(text)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
