package dev.firebell.importer;

import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Schedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import brought across and what it did not: items left out or mapped approximately, each
 * with the vendor's id and why, printed after the counts. Approximations are also written as
 * comments beside the entry in the file ({@link #notesFor}).
 */
public final class ImportReport {
  /** One item: what it is ("contact"), the vendor's id, and why it was left out or changed. */
  public record Item(String what, String vendorId, String why) {
    String line() {
      return what + " " + vendorId + ": " + why;
    }
  }

  private final List<Item> skipped = new ArrayList<>();
  private final List<Item> approximated = new ArrayList<>();
  private final Map<String, List<String>> notes = new LinkedHashMap<>();

  public void skipped(String what, String vendorId, String why) {
    skipped.add(new Item(what, vendorId, why));
  }

  /**
   * An item imported approximately; {@code entry} ("schedule:primary") gets a comment in the file.
   */
  public void approximated(String entry, String what, String vendorId, String why) {
    approximated.add(new Item(what, vendorId, why));
    notes.computeIfAbsent(entry, key -> new ArrayList<>()).add(why);
  }

  public List<Item> skipped() {
    return List.copyOf(skipped);
  }

  public List<Item> approximated() {
    return List.copyOf(approximated);
  }

  /** The comments for one entry of the file ("person:ana", "schedule:primary", "policy:web"). */
  public List<String> notesFor(String entry) {
    return notes.getOrDefault(entry, List.of());
  }

  /** Counts, then every item not imported, then every approximation. */
  public String render(String vendor, OnCall oncall) {
    StringBuilder text = new StringBuilder();
    int contacts = 0;
    int rules = 0;
    for (Person person : oncall.people().values()) {
      contacts += person.contacts().size();
      rules += person.rules().high().size() + person.rules().low().size();
    }
    int rotations = 0;
    int overrides = 0;
    for (Schedule schedule : oncall.schedules().values()) {
      rotations += schedule.rotations().size();
      overrides += schedule.overrides().size();
    }
    text.append("Imported from ")
        .append(vendor)
        .append(": ")
        .append(oncall.people().size())
        .append(" people, ")
        .append(contacts)
        .append(" contacts, ")
        .append(rules)
        .append(" notification rules, ")
        .append(oncall.schedules().size())
        .append(" schedules (")
        .append(rotations)
        .append(" rotations, ")
        .append(overrides)
        .append(" overrides), ")
        .append(oncall.policies().size())
        .append(" escalation policies, ")
        .append(oncall.routes().size())
        .append(" routes\n");
    section(text, "Not imported", skipped);
    section(text, "Imported approximately", approximated);
    return text.toString();
  }

  private static void section(StringBuilder text, String title, List<Item> items) {
    if (items.isEmpty()) {
      return;
    }
    text.append(title).append(" (").append(items.size()).append("):\n");
    for (Item item : items) {
      text.append("  - ").append(item.line()).append('\n');
    }
  }
}
