package dev.firebell.oncall;

/** What an escalation step pages: everyone on call in a schedule, or one person. */
public record Target(Kind kind, String id) {
  public enum Kind {
    SCHEDULE,
    PERSON
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase() + ":" + id;
  }
}
