package dev.firebell.incident.timeline;

import dev.firebell.incident.alert.AlertGroupSignal;
import dev.firebell.incident.alert.AlertSignal;
import dev.firebell.incident.alert.AlertValues;
import java.util.List;
import java.util.Map;

/** The sentences automatic timeline entries carry, written for a person reading them later. */
public final class TimelineTexts {
  private static final int MAX_LENGTH = 3900;

  private TimelineTexts() {}

  public static String fired(AlertSignal alert) {
    StringBuilder text = new StringBuilder(alert.alertName()).append(" fired");
    String summary = alert.annotations().get("summary");
    if (summary != null && !summary.isBlank()) {
      text.append(": ").append(summary.strip());
    }
    String values = AlertValues.format(alert.values(), alert.valueString());
    if (!values.isEmpty()) {
      text.append(" (").append(values).append(')');
    }
    return limit(text.append(instance(alert)).toString());
  }

  public static String resolved(AlertSignal alert) {
    return limit(alert.alertName() + " resolved" + instance(alert));
  }

  public static String received(AlertGroupSignal signal, Long previousIncidentId) {
    long firing = signal.alerts().stream().filter(AlertSignal::isFiring).count();
    long resolved = signal.alerts().size() - firing;
    String text =
        signal.senderName()
            + " notification received"
            + (signal.receiver().isEmpty() ? "" : " (receiver \"" + signal.receiver() + "\")")
            + ": "
            + firing
            + " firing, "
            + resolved
            + " resolved";
    if (previousIncidentId != null) {
      text += "; the group fired again after incident " + previousIncidentId + " was resolved";
    }
    return limit(text);
  }

  public static String autoResolved(int alertCount) {
    return alertCount == 1
        ? "Incident resolved automatically: its alert resolved"
        : "Incident resolved automatically: all " + alertCount + " alerts resolved";
  }

  /** The labels that tell two instances of one rule apart, such as the instance or host. */
  private static String instance(AlertSignal alert) {
    Map<String, String> labels = alert.labels();
    for (String key : List.of("instance", "host", "pod", "node", "zone")) {
      String value = labels.get(key);
      if (value != null && !value.isBlank()) {
        return " [" + key + "=" + value + "]";
      }
    }
    return "";
  }

  private static String limit(String text) {
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }
}
