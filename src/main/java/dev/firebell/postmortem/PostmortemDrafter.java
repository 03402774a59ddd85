package dev.firebell.postmortem;

import dev.firebell.incident.Declaration;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.alert.IncidentAlert;
import dev.firebell.incident.review.Impact;
import java.time.Instant;
import java.util.List;

/**
 * Writes every fact Firebell knows into the postmortem's sections. Pure: the drafting time comes in
 * with the facts. Text from alerts is escaped; text people wrote is kept as Markdown.
 */
public final class PostmortemDrafter {
  static final int LISTED_ALERT_INSTANCES = 20;

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
            section("detection", "Detection", ResponseSections.detection(facts, fired)),
            section("impact", "Impact", impact(facts, fired)),
            section("timeline", "Timeline", HistorySections.timeline(facts)),
            section("response", "Response", ResponseSections.response(facts)),
            section(
                "rootCause", "Root cause", Paragraphs.text(facts.details().review().rootCause())),
            section("resolution", "Resolution", HistorySections.resolution(facts)),
            section("prevention", "Prevention", HistorySections.prevention(facts)),
            section("actionItems", "Action items", HistorySections.actionItems(facts)));
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
    return facts.details().incident().startedAt();
  }

  private static Instant end(PostmortemFacts facts) {
    Instant resolved = facts.details().incident().resolvedAt();
    return resolved != null ? resolved : facts.now();
  }

  private String summary(PostmortemFacts facts, Instant fired) {
    Incident incident = facts.details().incident();
    StringBuilder text = new StringBuilder();
    Paragraphs.paragraph(text, facts.details().review().summary());
    if (Declaration.SOURCE.equals(incident.source())) {
      text.append(window(facts, fired))
          .append(", an incident was declared by hand for the ")
          .append(Markdown.inline(incident.service()))
          .append(" service. Severity: ")
          .append(incident.severity())
          .append(".\n\n")
          .append(ResponseSections.pagedWhom(facts))
          .append(".\n\n");
    } else {
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
          .append(ResponseSections.pagedWhom(facts))
          .append(".\n\n");
      text.append(alertInstances(facts));
    }
    String affected = usersAffected(facts.details().review().impact());
    if (affected != null) {
      text.append("\n").append("Users affected: ").append(affected).append(".\n");
    }
    return text.toString();
  }

  private static String window(PostmortemFacts facts, Instant fired) {
    Instant end = end(facts);
    long minutes = Times.minutes(facts.details().incident().duration(facts.now()));
    if (facts.details().incident().resolvedAt() == null) {
      return "Since " + Times.at(fired) + " (" + minutes + " minutes so far; still open)";
    }
    return "Between " + Times.between(fired, end) + " (" + minutes + " minutes)";
  }

  private String impact(PostmortemFacts facts, Instant fired) {
    Incident incident = facts.details().incident();
    Instant end = end(facts);
    StringBuilder text = new StringBuilder();
    text.append("For ")
        .append(Times.minutes(incident.duration(facts.now())))
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
    text.append("- Alert instances: ").append(facts.summary().alertCount()).append('\n');
    // Like the instance list, the values of the first instances; a storm's would bury the impact.
    for (IncidentAlert alert : facts.details().alerts().subList(0, listed(facts))) {
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
      Paragraphs.paragraph(text.append('\n'), impact.text());
    }
    return text.toString();
  }

  /**
   * The first instances, one line each; a storm's thousands would bury the summary, so the rest are
   * counted (the incident page and API list them all).
   */
  private String alertInstances(PostmortemFacts facts) {
    List<IncidentAlert> alerts = facts.details().alerts();
    int count = facts.summary().alertCount();
    StringBuilder text = new StringBuilder("Alert instances (").append(count).append("):\n\n");
    alerts.stream()
        .limit(listed(facts))
        .forEach(alert -> text.append("- ").append(AlertLines.describe(alert)).append('\n'));
    if (count > listed(facts)) {
      text.append("- … and ")
          .append(count - listed(facts))
          .append(" more instances (listed on the incident page)\n");
    }
    String truncated = facts.details().incident().truncationNote();
    if (truncated != null) {
      text.append("- … ").append(truncated).append('\n');
    }
    return text.toString();
  }

  private static int listed(PostmortemFacts facts) {
    return Math.min(LISTED_ALERT_INSTANCES, facts.details().alerts().size());
  }

  private static String alertNames(PostmortemFacts facts) {
    String names = String.join(", ", facts.summary().alertNames());
    return names.isEmpty() ? facts.details().incident().title() : names;
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
}
