package dev.firebell.importer;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Predictable ids, so an imported file can be diffed and imported again: lowercase, every run of
 * characters other than {@code a-z0-9} turned into one {@code -}, and a numeric suffix ({@code -2},
 * {@code -3} …) when the id is already taken in its kind.
 */
public final class Slugs {
  private final Set<String> taken = new HashSet<>();

  /**
   * The slug of {@code text} ({@code Platform Primary} → {@code platform-primary}), made unique.
   */
  public String of(String text, String fallback) {
    String slug = slug(text);
    if (slug.isEmpty()) {
      slug = slug(fallback);
    }
    String unique = slug;
    for (int n = 2; !taken.add(unique); n++) {
      unique = slug + "-" + n;
    }
    return unique;
  }

  /** A person's id: the part of their email before {@code @}, else their name. */
  public String ofEmail(String email, String name, String fallback) {
    if (email != null && email.contains("@")) {
      return of(email.substring(0, email.indexOf('@')), fallback);
    }
    return of(name, fallback);
  }

  static String slug(String text) {
    if (text == null) {
      return "";
    }
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("^-+|-+$", "");
  }
}
