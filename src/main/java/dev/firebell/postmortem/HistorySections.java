package dev.firebell.postmortem;

import dev.firebell.incident.Incident;
import dev.firebell.incident.review.ActionItem;
import dev.firebell.incident.timeline.TimelineEntry;
import dev.firebell.incident.timeline.TimelineKind;
import java.util.ArrayList;
import java.util.List;

/** The Timeline, Resolution, Prevention and Action items sections. */
final class HistorySections {
  private HistorySections() {}

  static String timeline(PostmortemFacts facts) {
    StringBuilder text = new StringBuilder("All times are UTC.\n");
    String date = null;
    for (TimelineEntry entry : facts.details().timeline()) {
      String day = Times.date(entry.at());
      if (!day.equals(date)) {
        text.append("\n**").append(day).append("**\n\n");
        date = day;
      }
      text.append("- _")
          .append(Times.clock(entry.at()))
          .append("_ - ")
          .append(entryText(facts, entry))
          .append('\n');
    }
    return text.toString();
  }

  static String entryText(PostmortemFacts facts, TimelineEntry entry) {
    if (entry.kind() == TimelineKind.NOTE) {
      return facts.name(entry.actor()) + ": " + Markdown.oneLine(entry.text());
    }
    return Markdown.inline(entry.text());
  }

  static String resolution(PostmortemFacts facts) {
    Incident incident = facts.details().incident();
    StringBuilder text = new StringBuilder();
    Paragraphs.paragraph(text, facts.details().review().resolution());
    if (incident.resolvedAt() != null) {
      String how =
          facts.details().timeline().stream()
              .filter(entry -> entry.kind() == TimelineKind.INCIDENT_RESOLVED)
              .reduce((first, second) -> second)
              .map(
                  entry ->
                      entry.actor().equals(TimelineEntry.SYSTEM)
                          ? "automatically, when every alert had resolved"
                          : "by " + facts.name(entry.actor()))
              .orElse("");
      text.append("The incident was resolved at ").append(Times.at(incident.resolvedAt()));
      text.append(how.isEmpty() ? "" : ", " + how).append(".\n");
    }
    return text.toString();
  }

  static String prevention(PostmortemFacts facts) {
    if (facts.earlier().isEmpty()) {
      return null;
    }
    StringBuilder text =
        new StringBuilder("Earlier incidents of the same alert rule or alert group:\n\n");
    for (PostmortemFacts.EarlierIncident earlier : facts.earlier()) {
      Incident incident = earlier.incident();
      text.append("- #")
          .append(incident.id())
          .append(" on ")
          .append(Times.date(incident.startedAt()))
          .append(" (")
          .append(incident.severity())
          .append(", ")
          .append(Markdown.inline(incident.title()))
          .append("): ");
      if (incident.resolvedAt() == null) {
        text.append("still ").append(incident.status().wireName());
      } else {
        text.append(Times.minutes(incident.duration(incident.resolvedAt())))
            .append(" minutes, resolved ")
            .append(
                earlier.resolvedBy() == null || earlier.resolvedBy().equals(TimelineEntry.SYSTEM)
                    ? "automatically"
                    : "by " + facts.name(earlier.resolvedBy()));
      }
      text.append('\n');
    }
    return text.toString();
  }

  static String actionItems(PostmortemFacts facts) {
    StringBuilder text = new StringBuilder();
    int number = 1;
    for (ActionItem item : facts.details().review().actionItems()) {
      text.append(number++).append(". ").append(Markdown.oneLine(item.text()));
      List<String> details = new ArrayList<>();
      if (item.owner() != null && !item.owner().isBlank()) {
        details.add("owner: " + Markdown.oneLine(facts.name(item.owner())));
      }
      if (item.due() != null) {
        details.add("due " + item.due());
      }
      text.append(details.isEmpty() ? "" : " (" + String.join(", ", details) + ")").append('\n');
    }
    return text.toString();
  }
}
