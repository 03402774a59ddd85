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

  /**
   * Every entry under its day. A storm's incident has tens of thousands, so the text is written in
   * one buffer of about its final size: no per-entry strings, and no copies as it grows.
   */
  static String timeline(PostmortemFacts facts) {
    List<TimelineEntry> entries = facts.details().timeline();
    StringBuilder text =
        new StringBuilder(
            64 + entries.stream().mapToInt(entry -> entry.text().length() + 32).sum());
    text.append("All times are UTC.\n");
    long shownDay = Long.MIN_VALUE;
    for (TimelineEntry entry : entries) {
      long day = Math.floorDiv(entry.at().getEpochSecond(), 86_400);
      if (day != shownDay) {
        text.append("\n**").append(Times.date(entry.at())).append("**\n\n");
        shownDay = day;
      }
      text.append("- _");
      Times.appendClock(text, entry.at());
      text.append("_ - ");
      if (entry.kind() == TimelineKind.NOTE) {
        text.append(facts.name(entry.actor())).append(": ").append(Markdown.oneLine(entry.text()));
      } else {
        Markdown.appendInline(text, entry.text());
      }
      text.append('\n');
    }
    text.setLength(text.length() - 1); // the section is stripped: a last line break is a copy
    return text.toString();
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
