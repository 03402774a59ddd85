package dev.firebell.postmortem;

import dev.firebell.incident.Incident;
import dev.firebell.incident.alert.IncidentAlert;
import dev.firebell.incident.timeline.TimelineEntry;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.notify.PageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** The Detection and Response sections: who was paged, when, how it went, time to acknowledge. */
final class ResponseSections {
  private ResponseSections() {}

  private static final Set<TimelineKind> RESPONSE_KINDS =
      EnumSet.of(
          TimelineKind.PAGE_SENT,
          TimelineKind.ESCALATED,
          TimelineKind.PAGE_FAILED,
          TimelineKind.ESCALATION_NOBODY,
          TimelineKind.ESCALATION_UNROUTED,
          TimelineKind.ESCALATION_EXHAUSTED,
          TimelineKind.ACKNOWLEDGED,
          TimelineKind.INCIDENT_RESOLVED);

  static String detection(PostmortemFacts facts, Instant fired) {
    Incident incident = facts.details().incident();
    StringBuilder text = new StringBuilder();
    Duration lag = Duration.between(fired, incident.openedAt());
    text.append("The first alert fired at ")
        .append(Times.at(fired))
        .append(". Firebell received the notification at ")
        .append(Times.time(incident.openedAt()))
        .append(lag.isNegative() || lag.isZero() ? "" : " (" + Times.words(lag) + " later)")
        .append(".\n\n");
    text.append(senderLinks(facts));
    for (PageGroup page : pageGroups(facts)) {
      text.append("Firebell paged ")
          .append(facts.name(page.personId()))
          .append(" at ")
          .append(Times.time(page.sentAt()))
          .append(" via ")
          .append(String.join(", ", page.channels()))
          .append(
              page.deliveredAt() == null
                  ? " (not delivered)"
                  : " (delivered " + Times.time(page.deliveredAt()) + ")")
          .append(".\n");
    }
    text.append(pageGroups(facts).isEmpty() ? "Firebell paged nobody.\n" : "").append('\n');
    text.append(timeToAcknowledge(facts)).append("\n");
    Paragraphs.paragraph(text.append('\n'), facts.details().review().detectionNotes());
    return text.toString();
  }

  static String timeToAcknowledge(PostmortemFacts facts) {
    Incident incident = facts.details().incident();
    if (incident.acknowledgedAt() == null) {
      return "Time to acknowledge: not acknowledged.";
    }
    String how =
        facts.details().timeline().stream()
            .filter(entry -> entry.kind() == TimelineKind.ACKNOWLEDGED)
            .map(TimelineEntry::text)
            .findFirst()
            .map(
                text ->
                    text.contains(" via ")
                        ? " via " + text.substring(text.lastIndexOf(" via ") + 5)
                        : "")
            .orElse("");
    return "Time to acknowledge: "
        + Times.words(Duration.between(incident.openedAt(), incident.acknowledgedAt()))
        + " ("
        + facts.name(incident.acknowledgedBy())
        + how
        + " at "
        + Times.time(incident.acknowledgedAt())
        + ").";
  }

  static String response(PostmortemFacts facts) {
    List<TimelineEntry> entries =
        facts.details().timeline().stream()
            .filter(entry -> RESPONSE_KINDS.contains(entry.kind()))
            .toList();
    if (entries.isEmpty() && facts.pages().isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder("All times are UTC.\n\n");
    for (TimelineEntry entry : entries) {
      text.append("- _")
          .append(Times.clock(entry.at()))
          .append("_ - ")
          .append(Markdown.inline(entry.text()))
          .append('\n');
    }
    text.append('\n').append("- ").append(timeToAcknowledge(facts)).append('\n');
    long escalations =
        facts.details().timeline().stream().filter(e -> e.kind() == TimelineKind.ESCALATED).count();
    text.append("- Escalations: ").append(escalations).append(".\n");
    List<PageRecord> failed = facts.pages().stream().filter(PageRecord::failed).toList();
    text.append("- Failed deliveries: ")
        .append(failed.isEmpty() ? "none" : failed.size())
        .append(".\n");
    for (PageRecord page : facts.pages()) {
      if (page.delivered() && page.attempts() > 1) {
        text.append("- Delay: the page to ")
            .append(facts.name(page.personId()))
            .append(" via ")
            .append(page.channel())
            .append(" needed ")
            .append(page.attempts())
            .append(" attempts and arrived ")
            .append(Times.words(Duration.between(page.createdAt(), page.deliveredAt())))
            .append(" after it was sent.\n");
      }
      if (page.failed()) {
        text.append("- Failed: the page to ")
            .append(facts.name(page.personId()))
            .append(" via ")
            .append(page.channel())
            .append(" failed after ")
            .append(page.attempts())
            .append(" attempts: ")
            .append(Markdown.inline(page.lastError()))
            .append('\n');
      }
    }
    return text.toString();
  }

  static String pagedWhom(PostmortemFacts facts) {
    List<String> people =
        pageGroups(facts).stream().map(page -> facts.name(page.personId())).distinct().toList();
    return people.isEmpty()
        ? "Firebell paged nobody"
        : "Firebell paged " + String.join(", ", people);
  }

  /** The pages of one person in one escalation step, with their channels. */
  private record PageGroup(
      String personId, Instant sentAt, Instant deliveredAt, List<String> channels) {}

  private static List<PageGroup> pageGroups(PostmortemFacts facts) {
    Map<String, List<PageRecord>> byStep = new LinkedHashMap<>();
    for (PageRecord page : facts.pages()) {
      byStep
          .computeIfAbsent(page.round() + "/" + page.personId(), key -> new ArrayList<>())
          .add(page);
    }
    List<PageGroup> groups = new ArrayList<>();
    for (List<PageRecord> pages : byStep.values()) {
      groups.add(
          new PageGroup(
              pages.get(0).personId(),
              pages.get(0).createdAt(),
              pages.stream()
                  .map(PageRecord::deliveredAt)
                  .filter(Objects::nonNull)
                  .min(Comparator.naturalOrder())
                  .orElse(null),
              pages.stream().map(PageRecord::channel).distinct().toList()));
    }
    return groups;
  }

  /** The first alert's dashboard, panel and rule, where the sender gave them. */
  private static String senderLinks(PostmortemFacts facts) {
    if (facts.details().alerts().isEmpty()) {
      return "";
    }
    IncidentAlert first = facts.details().alerts().get(0);
    List<String> links =
        Stream.of(
                Markdown.link("dashboard", first.dashboardUrl()),
                Markdown.link("panel", first.panelUrl()),
                Markdown.link("alert rule", first.generatorUrl()))
            .filter(Objects::nonNull)
            .toList();
    return links.isEmpty()
        ? ""
        : "Links from the first alert: " + String.join(", ", links) + ".\n\n";
  }
}
