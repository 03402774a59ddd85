package dev.firebell.postmortem;

import dev.firebell.incident.alert.AlertValues;
import dev.firebell.incident.alert.IncidentAlert;
import java.util.List;

/** One alert instance in a line of Markdown: name, distinguishing label, summary and values. */
final class AlertLines {
  private static final List<String> INSTANCE_LABELS =
      List.of("instance", "host", "pod", "node", "zone");

  private AlertLines() {}

  static String describe(IncidentAlert alert) {
    StringBuilder line = new StringBuilder(name(alert));
    for (String key : INSTANCE_LABELS) {
      String value = alert.labels().get(key);
      if (value != null && !value.isBlank()) {
        line.append(" \\[").append(Markdown.inline(key + "=" + value)).append("\\]");
        break;
      }
    }
    String summary = alert.annotations().get("summary");
    if (summary != null && !summary.isBlank()) {
      line.append(": ").append(Markdown.inline(summary));
    }
    String values = values(alert);
    if (!values.isEmpty()) {
      line.append(" (values: ").append(values).append(')');
    }
    line.append(" (").append(alert.status().wireName()).append(')');
    return line.toString();
  }

  static String name(IncidentAlert alert) {
    String name = alert.labels().get("alertname");
    return Markdown.inline(name == null || name.isBlank() ? "Alert " + alert.fingerprint() : name);
  }

  /**
   * The values the alert fired with, escaped for Markdown, and the highest seen while it fired when
   * that is more: a resolved notification's values (often 0) say nothing about the incident.
   */
  static String values(IncidentAlert alert) {
    boolean fired = alert.firedValues() != null || alert.firedValueString() != null;
    String values =
        fired
            ? AlertValues.format(alert.firedValues(), alert.firedValueString())
            : AlertValues.format(alert.values(), alert.valueString());
    String raised =
        AlertValues.format(AlertValues.raisedAbove(alert.peakValues(), alert.firedValues()), null);
    if (!raised.isEmpty()) {
      values += "; highest " + raised;
    }
    return Markdown.inline(values);
  }
}
