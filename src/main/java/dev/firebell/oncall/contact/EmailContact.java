package dev.firebell.oncall.contact;

/** An email address. */
public record EmailContact(String to) implements Contact {
  @Override
  public ContactType type() {
    return ContactType.EMAIL;
  }
}
