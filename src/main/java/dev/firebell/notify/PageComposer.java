package dev.firebell.notify;

import dev.firebell.channel.PageMessage;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentDetails;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.alert.IncidentAlert;
import dev.firebell.oncall.Person;
import dev.firebell.security.LinkAction;
import dev.firebell.security.LinkTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Builds the message for one person from the incident as it stands now. Acknowledge and resolve
 * links are signed for that person and incident at send time.
 */
public final class PageComposer {
  private final String publicUrl;
  private final LinkTokens tokens;
  private final Function<String, String> names;

  /**
   * @param names a person's name from their id (the id itself when they left the rota)
   */
  public PageComposer(String publicUrl, LinkTokens tokens, Function<String, String> names) {
    this.publicUrl = publicUrl;
    this.tokens = tokens;
    this.names = names;
  }

  /**
   * @param details the incident with (at least) its first {@link PageMessage#MAX_ALERTS} alerts
   * @param alertsTotal how many alerts the incident has in all
   */
  public PageMessage compose(
      IncidentDetails details, int alertsTotal, Person person, boolean page, Instant now) {
    Incident incident = details.incident();
    boolean open = incident.status() != IncidentStatus.RESOLVED;
    String ackUrl =
        page && incident.status() == IncidentStatus.TRIGGERED
            ? link(LinkAction.ACK, incident.id(), person, now)
            : null;
    String resolveUrl = open ? link(LinkAction.RESOLVE, incident.id(), person, now) : null;
    return new PageMessage(
        page ? PageMessage.PAGE : PageMessage.STATUS_UPDATE,
        incident.id(),
        incident.title(),
        incident.severity(),
        incident.urgency().wireName(),
        incident.service(),
        incident.status().wireName(),
        withTruncation(summary(details), incident),
        new PageMessage.Recipient(person.id(), person.name()),
        publicUrl + "/incidents/" + incident.id(),
        ackUrl,
        resolveUrl,
        details.alerts().stream().limit(PageMessage.MAX_ALERTS).map(PageComposer::links).toList(),
        alertsTotal,
        alertsTotal > PageMessage.MAX_ALERTS,
        incident.acknowledgedBy() == null
            ? null
            : new PageMessage.Recipient(
                incident.acknowledgedBy(), names.apply(incident.acknowledgedBy())),
        incident.acknowledgedAt(),
        incident.resolvedAt(),
        incident.duration(now).toMinutes());
  }

  /**
   * A digest of pages folded during an alert storm: "and 57 more incidents: …" with a link to the
   * incident list. It has no acknowledge link: each incident is acknowledged on its own.
   */
  public PageMessage digest(Person person, List<FoldedPage> folded) {
    String list =
        folded.stream()
            .limit(20)
            .map(
                page -> "#" + page.incidentId() + " " + page.title() + " (" + page.severity() + ")")
            .collect(java.util.stream.Collectors.joining("; "));
    String more = folded.size() > 20 ? "; and " + (folded.size() - 20) + " more" : "";
    String title =
        "and " + folded.size() + (folded.size() == 1 ? " more incident" : " more incidents");
    return new PageMessage(
        PageMessage.DIGEST,
        0,
        title,
        folded.get(0).severity(),
        null,
        folded.get(0).service(),
        "triggered",
        title + ": " + list + more,
        new PageMessage.Recipient(person.id(), person.name()),
        publicUrl + "/?status=open",
        null,
        null,
        List.of(),
        0,
        false,
        null,
        null,
        null,
        0);
  }

  private String link(LinkAction action, long incidentId, Person person, Instant now) {
    return publicUrl
        + "/"
        + action.path()
        + "/"
        + tokens.issue(incidentId, person.id(), action, now);
  }

  private static String withTruncation(String summary, Incident incident) {
    String note = incident.truncationNote();
    return note == null ? summary : summary + " (" + note + ")";
  }

  /** The summary annotation Grafana users write, else the description, else the title. */
  private static String summary(IncidentDetails details) {
    Map<String, String> common = details.incident().commonAnnotations();
    List<Map<String, String>> annotations =
        Stream.concat(Stream.of(common), details.alerts().stream().map(IncidentAlert::annotations))
            .toList();
    for (String key : List.of("summary", "description", "message")) {
      for (Map<String, String> candidate : annotations) {
        String value = candidate.get(key);
        if (value != null && !value.isBlank()) {
          return value.strip();
        }
      }
    }
    return details.incident().title();
  }

  private static PageMessage.AlertLinks links(IncidentAlert alert) {
    return new PageMessage.AlertLinks(
        Objects.requireNonNullElse(alert.labels().get("alertname"), "Alert " + alert.fingerprint()),
        alert.labels(),
        alert.dashboardUrl(),
        alert.panelUrl(),
        alert.silenceUrl(),
        alert.generatorUrl());
  }
}
