package dev.firebell.channel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a page or status update says. Serialised as-is, it is the body of the generic {@code
 * webhook} channel, whose field names are a contract: {@code alerts} holds the first {@link
 * #MAX_ALERTS} alerts, {@code alertsTotal} counts every one and {@code alertsTruncated} says when
 * some were left out, so a storm's page stays a few KB. {@code acknowledgedBy}, {@code
 * acknowledgedAt} and {@code resolvedAt} say who moved the incident on and when (null until then).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageMessage(
    String kind,
    long incidentId,
    String title,
    String severity,
    String urgency,
    String service,
    String status,
    String summary,
    Recipient person,
    String incidentUrl,
    String ackUrl,
    String resolveUrl,
    List<AlertLinks> alerts,
    int alertsTotal,
    boolean alertsTruncated,
    Recipient acknowledgedBy,
    Instant acknowledgedAt,
    Instant resolvedAt,
    @JsonIgnore long openMinutes) {

  /** At most this many alerts travel with a message; {@code alertsTotal} counts them all. */
  public static final int MAX_ALERTS = 100;

  public static final String PAGE = "page";
  public static final String STATUS_UPDATE = "status-update";
  public static final String DIGEST = "digest";

  /** A person checking that a contact reaches them: it pages like a status update, quietly. */
  public static final String TEST = "test";

  /** The test message a person sends to one of their own contacts. */
  public static PageMessage test(Recipient person, String publicUrl) {
    return new PageMessage(
        TEST,
        0,
        "Test page from Firebell",
        null,
        null,
        null,
        "test",
        "This is a test page "
            + person.name()
            + " sent to check this contact reaches them. Nothing is wrong.",
        person,
        publicUrl + "/oncall",
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

  @JsonIgnore
  public boolean isPage() {
    return PAGE.equals(kind);
  }

  /** One line that says it all: {@code [SEV-1] #12 Pizza orders failing}. */
  @JsonIgnore
  public String headline() {
    if (DIGEST.equals(kind)) {
      return title;
    }
    String prefix = isPage() ? "" : status.toUpperCase() + ": ";
    return prefix + "[" + severity + "] #" + incidentId + " " + title;
  }

  /** The person paged. */
  public record Recipient(String id, String name) {}

  /** An alert's name, labels and its links back to Grafana. */
  public record AlertLinks(
      String name,
      Map<String, String> labels,
      @JsonProperty("dashboardURL") String dashboardUrl,
      @JsonProperty("panelURL") String panelUrl,
      @JsonProperty("silenceURL") String silenceUrl,
      @JsonProperty("generatorURL") String generatorUrl) {}
}
