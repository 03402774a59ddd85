package dev.firebell.incident;

import java.util.Locale;
import java.util.Map;

/**
 * An incident a person opens by hand, and whom it pages: a person (as the one step of a policy),
 * everyone on call in a schedule, or a policy from its first step. Declared incidents dedupe
 * nothing and never resolve by themselves: no alert ever arrives for them.
 */
public record Declaration(
    String title,
    String summary,
    String severity,
    String service,
    Map<String, String> labels,
    Target target) {
  /** The source of declared incidents. */
  public static final String SOURCE = "manual";

  public Declaration {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Whom a declared incident pages. */
  public record Target(Kind kind, String id) {
    /**
     * How a target is written: {@code person:tessa}, {@code schedule:primary}, {@code
     * policy:default}.
     */
    @Override
    public String toString() {
      return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }
  }

  public enum Kind {
    PERSON,
    SCHEDULE,
    POLICY
  }
}
