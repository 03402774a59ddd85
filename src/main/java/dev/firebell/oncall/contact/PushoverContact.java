package dev.firebell.oncall.contact;

/** A Pushover user key. */
public record PushoverContact(String userKey) implements Contact {
  @Override
  public ContactType type() {
    return ContactType.PUSHOVER;
  }
}
