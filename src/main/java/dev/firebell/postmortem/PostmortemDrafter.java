package dev.firebell.postmortem;

import dev.firebell.incident.ActionItem;
import dev.firebell.incident.Impact;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentAlert;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.TimelineEntry;
import dev.firebell.paging.PageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes every fact Firebell knows into the postmortem's sections. Pure: the drafting time comes in
 * with the facts. Text from alerts is escaped; text people wrote is kept as Markdown.
 */
public final class PostmortemDrafter {
  private static final Set<String> RESPONSE_KINDS =
      Set.of(
          "page.sent",
          "escalated",
          "page.failed",
          "escalation.nobody",
          "escalation.unrouted",
          "escalation.exhausted",
          "acknowledged",
          "incident.resolved");

  private final boolean keepGuidance;

  public PostmortemDrafter(boolean keepGuidance) {
    this.keepGuidance = keepGuidance;
  }

  Postmortem draft(PostmortemFacts facts) {
    Incident incident = facts.details().incident();
    Instant fired = firstFired(facts);
    List<Postmortem.Section> sections =
        List.of(
            section("summary", "Summary", summary(facts, fired)),
            section("detection", "Detection", detection(facts, fired)),
            section("impact", "Impact", impact(facts, fired)),
            section("timeline", "Timeline", timeline(facts)),
            section("response", "Response", response(facts)),
            section("rootCause", "Root cause", text(facts.details().review().rootCause())),
            section("resolution", "Resolution", resolution(facts)),
            section("prevention", "Prevention", prevention(facts)),
            section("actionItems", "Action items", actionItems(facts)));
    String openNotice =
        incident.status() == IncidentStatus.RESOLVED
            ? null
            : "> **Draft for an open incident:** incident #"
                + incident.id()
                + " is still "
                + incident.status().wireName()
                + "; the facts below will change.";
    return new Postmortem(incident.id(), Times.heading(fired), openNotice, sections);
  }

  private Postmortem.Section section(String key, String title, String body) {
    boolean known = body != null && !body.isBlank();
    return new Postmortem.Section(
        key, title, known, !known || keepGuidance, known ? body.strip() : "");
  }

  private static Instant firstFired(PostmortemFacts facts) {
    return facts.details().alerts().stream()
        .map(IncidentAlert::startsAt)
        .min(Comparator.naturalOrder())
        .orElse(facts.details().incident().openedAt());
  }

  private static Instant end(PostmortemFacts facts) {
    Instant resolved = facts.details().incident().resolvedAt();
    return resolved != null ? resolved : facts.now();
  }

  private String summary(PostmortemFacts facts, Instant fired) {
    Incident incident = facts.details().incident();
    StringBuilder text = new StringBuilder();
    paragraph(text, facts.details().review().summary());
    text.append(window(facts, fired))
        .append(", ")
        .append(Markdown.inline(alertNames(facts)))
        .append(" fired for the ")
        .append(Markdown.inline(incident.service()))
        .append(" service. Severity: ")
        .append(incident.severity())
        .append(".\n\n");
    text.append("It was detected by the alerting rule ")
        .append(Markdown.inline(alertNames(facts)))
        .append(" via ")
        .append("alertmanager".equals(incident.source()) ? "Alertmanager" : "Grafana")
        .append(", and ")
        .append(pagedWhom(facts))
        .append(".\n\n");
    text.append(alertInstances(facts));
    String affected = usersAffected(facts.details().review().impact());
    if (affected != null) {
      text.append("\n").append("Users affected: ").append(affected).append(".\n");
    }
    return text.toString();
  }

  private static String window(PostmortemFacts facts, Instant fired) {
    Instant end = end(facts);
    long minutes = Times.minutes(Duration.between(fired, end));
    if (facts.details().incident().resolvedAt() == null) {
      return "Since " + Times.at(fired) + " (" + minutes + " minutes so far; still open)";
    }
    return "Between " + Times.between(fired, end) + " (" + minutes + " minutes)";
  }

  private String detection(PostmortemFacts facts, Instant fired) {
    Incident incident = facts.details().incident();
    StringBuilder text = new StringBuilder();
    Duration lag = Duration.between(fired, incident.openedAt());
    text.append("The first alert fired at ")
        .append(Times.at(fired))
        .append(". Firebell received the notification at ")
        .append(Times.time(incident.openedAt()))
        .append(lag.isNegative() || lag.isZero() ? "" : " (" + Times.words(lag) + " later)")
        .append(".\n\n");
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
    paragraph(text.append('\n'), facts.details().review().detectionNotes());
    return text.toString();
  }

  private String timeToAcknowledge(PostmortemFacts facts) {
    Incident incident = facts.details().incident();
    if (incident.acknowledgedAt() == null) {
      return "Time to acknowledge: not acknowledged.";
    }
    String how =
        facts.details().timeline().stream()
            .filter(entry -> entry.kind().equals("acknowledged"))
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

  private String impact(PostmortemFacts facts, Instant fired) {
    Incident incident = facts.details().incident();
    Instant end = end(facts);
    StringBuilder text = new StringBuilder();
    text.append("For ")
        .append(Times.minutes(Duration.between(fired, end)))
        .append(" minutes ")
        .append(
            incident.resolvedAt() == null
                ? "so far, since " + Times.at(fired)
                : "between " + Times.between(fired, end))
        .append(", the ")
        .append(Markdown.inline(incident.service()))
        .append(" service was affected (")
        .append(incident.severity())
        .append(").\n\n");
    text.append("- Alert instances: ").append(facts.details().alerts().size()).append('\n');
    for (IncidentAlert alert : facts.details().alerts()) {
      String values = AlertLines.values(alert);
      if (!values.isEmpty()) {
        text.append("- Values of ")
            .append(AlertLines.name(alert))
            .append(": ")
            .append(values)
            .append('\n');
      }
    }
    Impact impact = facts.details().review().impact();
    if (impact != null) {
      String affected = usersAffected(impact);
      if (affected != null) {
        text.append("- Users affected: ").append(affected).append('\n');
      }
      if (impact.supportCases() != null) {
        text.append("- Support cases: ").append(impact.supportCases()).append('\n');
      }
      if (impact.errorCount() != null) {
        text.append("- Errors: ").append(impact.errorCount()).append('\n');
      }
      paragraph(text.append('\n'), impact.text());
    }
    return text.toString();
  }

  private String timeline(PostmortemFacts facts) {
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

  private static String entryText(PostmortemFacts facts, TimelineEntry entry) {
    if (entry.kind().equals("note")) {
      return facts.name(entry.actor()) + ": " + Markdown.oneLine(entry.text());
    }
    return Markdown.inline(entry.text());
  }

  private String response(PostmortemFacts facts) {
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
        facts.details().timeline().stream().filter(e -> e.kind().equals("escalated")).count();
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

  private String resolution(PostmortemFacts facts) {
    Incident incident = facts.details().incident();
    StringBuilder text = new StringBuilder();
    paragraph(text, facts.details().review().resolution());
    if (incident.resolvedAt() != null) {
      String how =
          facts.details().timeline().stream()
              .filter(entry -> entry.kind().equals("incident.resolved"))
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

  private String prevention(PostmortemFacts facts) {
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
          .append(Times.date(incident.openedAt()))
          .append(" (")
          .append(incident.severity())
          .append(", ")
          .append(Markdown.inline(incident.title()))
          .append("): ");
      if (incident.resolvedAt() == null) {
        text.append("still ").append(incident.status().wireName());
      } else {
        text.append(Times.minutes(Duration.between(incident.openedAt(), incident.resolvedAt())))
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

  private static String actionItems(PostmortemFacts facts) {
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

  private String alertInstances(PostmortemFacts facts) {
    List<IncidentAlert> alerts = facts.details().alerts();
    StringBuilder text =
        new StringBuilder("Alert instances (").append(alerts.size()).append("):\n\n");
    alerts.forEach(alert -> text.append("- ").append(AlertLines.describe(alert)).append('\n'));
    return text.toString();
  }

  private static String alertNames(PostmortemFacts facts) {
    String names =
        facts.details().alerts().stream()
            .map(alert -> alert.labels().get("alertname"))
            .filter(Objects::nonNull)
            .distinct()
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? facts.details().incident().title() : names;
  }

  private String pagedWhom(PostmortemFacts facts) {
    List<String> people =
        pageGroups(facts).stream().map(page -> facts.name(page.personId())).distinct().toList();
    return people.isEmpty()
        ? "Firebell paged nobody"
        : "Firebell paged " + String.join(", ", people);
  }

  private static String usersAffected(Impact impact) {
    if (impact == null || impact.usersAffected() == null && impact.usersAffectedPercent() == null) {
      return null;
    }
    if (impact.usersAffected() == null) {
      return Times.percent(impact.usersAffectedPercent()) + " of users";
    }
    return impact.usersAffected()
        + (impact.usersAffectedPercent() == null
            ? ""
            : " (" + Times.percent(impact.usersAffectedPercent()) + ")");
  }

  private static void paragraph(StringBuilder text, String value) {
    if (value != null && !value.isBlank()) {
      text.append(value.strip()).append("\n\n");
    }
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
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
}
