package dev.firebell.incident.review;

/** The fields a person edits on an incident, by their API name and how the timeline names them. */
public enum EditField {
  TITLE("title", "title"),
  SEVERITY("severity", "severity"),
  SUMMARY("summary", "summary"),
  IMPACT("impact", "impact"),
  ROOT_CAUSE("rootCause", "root cause"),
  RESOLUTION("resolution", "resolution"),
  DETECTION_NOTES("detectionNotes", "detection notes"),
  ACTION_ITEMS("actionItems", "action items");

  private final String wireName;
  private final String label;

  EditField(String wireName, String label) {
    this.wireName = wireName;
    this.label = label;
  }

  public String wireName() {
    return wireName;
  }

  public String label() {
    return label;
  }
}
