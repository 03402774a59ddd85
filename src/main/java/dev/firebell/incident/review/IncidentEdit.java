package dev.firebell.incident.review;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A person's edit of an incident, checked here once for the API and the web interface alike: the
 * fields it sets ({@code fields}; one set to null is cleared), each within its limit. Built with
 * {@link #builder}; a value out of bounds throws {@link InvalidEdit} naming the field.
 */
public record IncidentEdit(
    Set<EditField> fields,
    String title,
    String severity,
    String summary,
    Impact impact,
    String rootCause,
    String resolution,
    String detectionNotes,
    List<ActionItem> actionItems) {
  public static final int MAX_TITLE = 1_000;
  public static final int MAX_TEXT = 20_000;
  public static final int MAX_NOTE = 4_000;

  public IncidentEdit {
    fields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
    actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
  }

  public boolean sets(EditField field) {
    return fields.contains(field);
  }

  /** A note's text: required, at most {@link #MAX_NOTE} characters. */
  public static String note(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidEdit("text", "text must not be empty");
    }
    return limited("text", text, MAX_NOTE);
  }

  /** An edit of no field yet, taking severities from {@code severities}. */
  public static Builder builder(Set<String> severities) {
    return new Builder(severities);
  }

  /** Collects the fields one at a time, checking each as it comes. */
  public static final class Builder {
    private final Set<String> severities;
    private final Set<EditField> fields = EnumSet.noneOf(EditField.class);
    private String title;
    private String severity;
    private String summary;
    private Impact impact;
    private String rootCause;
    private String resolution;
    private String detectionNotes;
    private List<ActionItem> actionItems;

    private Builder(Set<String> severities) {
      this.severities = severities;
    }

    public Builder title(String value) {
      if (value == null || value.isBlank()) {
        throw new InvalidEdit("title", "title must not be empty");
      }
      title = limited("title", value, MAX_TITLE);
      fields.add(EditField.TITLE);
      return this;
    }

    public Builder severity(String value) {
      if (value == null || !severities.contains(value)) {
        throw new InvalidEdit("severity", "severity must be one of " + severities);
      }
      severity = value;
      fields.add(EditField.SEVERITY);
      return this;
    }

    /** One of the free texts: summary, root cause, resolution, detection notes. */
    public Builder text(EditField field, String value) {
      String checked = limited(field.wireName(), value, MAX_TEXT);
      switch (field) {
        case SUMMARY -> summary = checked;
        case ROOT_CAUSE -> rootCause = checked;
        case RESOLUTION -> resolution = checked;
        case DETECTION_NOTES -> detectionNotes = checked;
        default -> throw new IllegalArgumentException(field + " is not a free text");
      }
      fields.add(field);
      return this;
    }

    public Builder impact(Impact value) {
      if (value != null) {
        Double percent = value.usersAffectedPercent();
        if (percent != null && (percent < 0 || percent > 100)) {
          throw new InvalidEdit(
              "impact.usersAffectedPercent", "impact.usersAffectedPercent must be from 0 to 100");
        }
        atLeastZero("impact.usersAffected", value.usersAffected());
        atLeastZero("impact.supportCases", value.supportCases());
        atLeastZero("impact.errorCount", value.errorCount());
        limited("impact.text", value.text(), MAX_TEXT);
      }
      impact = value;
      fields.add(EditField.IMPACT);
      return this;
    }

    public Builder actionItems(List<ActionItem> value) {
      List<ActionItem> items = value == null ? List.of() : value;
      for (int index = 0; index < items.size(); index++) {
        String path = "actionItems[" + index + "].text";
        String text = items.get(index).text();
        if (text == null || text.isBlank()) {
          throw new InvalidEdit(path, path + " must not be empty");
        }
        limited(path, text, MAX_TEXT);
      }
      actionItems = items;
      fields.add(EditField.ACTION_ITEMS);
      return this;
    }

    public IncidentEdit build() {
      return new IncidentEdit(
          fields,
          title,
          severity,
          summary,
          impact,
          rootCause,
          resolution,
          detectionNotes,
          actionItems);
    }
  }

  private static String limited(String field, String text, int max) {
    if (text != null && text.length() > max) {
      throw new InvalidEdit(field, field + " is longer than " + max + " characters");
    }
    return text;
  }

  private static void atLeastZero(String field, Long value) {
    if (value != null && value < 0) {
      throw new InvalidEdit(field, field + " must be at least 0");
    }
  }
}
