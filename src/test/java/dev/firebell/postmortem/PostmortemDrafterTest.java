package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentDetails;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentSummary;
import dev.firebell.incident.review.IncidentReview;
import dev.firebell.incident.timeline.TimelineEntry;
import dev.firebell.incident.timeline.TimelineKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drafter over fixed facts, without a database: what each section says and when. */
class PostmortemDrafterTest {
  private static final Instant STARTED = Instant.parse("2026-11-28T16:02:00Z");
  private static final Instant OPENED = Instant.parse("2026-11-28T16:03:00Z");
  private static final Instant RESOLVED = Instant.parse("2026-11-28T16:40:00Z");
  private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");

  @Test
  void aResolvedIncidentHasNoOpenNoticeAndItsSummaryNamesServiceAndSeverity() {
    Postmortem draft = draft(incident(IncidentStatus.RESOLVED, RESOLVED), review(null), true);
    assertThat(draft.openNotice()).isNull();
    assertThat(draft.incidentId()).isEqualTo(7);
    assertThat(section(draft, "summary").body())
        .startsWith(
            "Between 16:02 UTC and 16:40 UTC on November 28, 2026 (38 minutes), HighErrorRate"
                + " fired for the checkout service. Severity: SEV-2.")
        .contains("via Alertmanager, and Firebell paged nobody.");
  }

  @Test
  void anOpenIncidentIsDraftedWithANoticeThatItsFactsWillChange() {
    Postmortem draft = draft(incident(IncidentStatus.ACKNOWLEDGED, null), review(null), true);
    assertThat(draft.openNotice())
        .isEqualTo(
            "> **Draft for an open incident:** incident #7 is still acknowledged; the facts below"
                + " will change.");
  }

  @Test
  void whatPeopleWroteIsKeptAndSectionsWithoutFactsShowTheirGuidance() {
    Postmortem draft =
        draft(incident(IncidentStatus.RESOLVED, RESOLVED), review("A bad **deploy**."), false);
    Postmortem.Section rootCause = section(draft, "rootCause");
    assertThat(rootCause.known()).isTrue();
    assertThat(rootCause.showGuidance()).isFalse();
    assertThat(rootCause.body()).isEqualTo("A bad **deploy**.");
    Postmortem.Section actionItems = section(draft, "actionItems");
    assertThat(actionItems.known()).isFalse();
    assertThat(actionItems.showGuidance()).isTrue();
    assertThat(actionItems.body()).isEmpty();
  }

  @Test
  void guidanceIsKeptBesideKnownFactsWhenConfigured() {
    Postmortem draft =
        draft(incident(IncidentStatus.RESOLVED, RESOLVED), review("A bad deploy."), true);
    assertThat(section(draft, "rootCause").showGuidance()).isTrue();
  }

  @Test
  void theSectionsFollowTheTemplatesOrder() {
    Postmortem draft = draft(incident(IncidentStatus.RESOLVED, RESOLVED), review(null), true);
    assertThat(draft.sections())
        .extracting(Postmortem.Section::key)
        .containsExactly(
            "summary",
            "detection",
            "impact",
            "timeline",
            "response",
            "rootCause",
            "resolution",
            "prevention",
            "actionItems");
  }

  @Test
  void aDeclaredIncidentSaysItWasDeclaredNotDetected() {
    Incident declared = incident(IncidentStatus.RESOLVED, RESOLVED);
    declared =
        new Incident(
            declared.id(),
            declared.groupHash(),
            "manual",
            "",
            declared.title(),
            "SEV-1",
            declared.service(),
            declared.status(),
            false,
            declared.openedAt(),
            declared.acknowledgedAt(),
            declared.acknowledgedBy(),
            declared.resolvedAt(),
            null,
            java.util.Map.of(),
            java.util.Map.of(),
            java.util.Map.of(),
            null,
            false,
            declared.openedAt(),
            0,
            dev.firebell.config.Urgency.HIGH);
    Postmortem draft = draft(declared, review(null), true);
    assertThat(section(draft, "summary").body())
        .contains("an incident was declared by hand for the checkout service. Severity: SEV-1.")
        .contains("Firebell paged nobody.")
        .doesNotContain("alerting rule");
  }

  private static Postmortem draft(Incident incident, IncidentReview review, boolean guidance) {
    List<TimelineEntry> timeline =
        List.of(
            new TimelineEntry(
                1, 7, STARTED, TimelineKind.ALERT_FIRED, "HighErrorRate fired", "system"));
    IncidentSummary summary =
        new IncidentSummary(
            new IncidentDetails(incident, List.of(), timeline, review),
            1,
            List.of("HighErrorRate"));
    return new PostmortemDrafter(guidance)
        .draft(new PostmortemFacts(summary, List.of(), List.of(), Map.of(), NOW));
  }

  private static Incident incident(IncidentStatus status, Instant resolvedAt) {
    return new Incident(
        7,
        "group",
        "alertmanager",
        "web",
        "HighErrorRate",
        "SEV-2",
        "checkout",
        status,
        false,
        OPENED,
        status == IncidentStatus.TRIGGERED ? null : OPENED.plusSeconds(120),
        status == IncidentStatus.TRIGGERED ? null : "tessa",
        resolvedAt,
        null,
        Map.of("alertname", "HighErrorRate"),
        Map.of("alertname", "HighErrorRate", "service", "checkout"),
        Map.of(),
        null,
        false,
        STARTED,
        0,
        dev.firebell.config.Urgency.HIGH);
  }

  private static IncidentReview review(String rootCause) {
    return new IncidentReview(null, null, rootCause, null, null, List.of());
  }

  private static Postmortem.Section section(Postmortem draft, String key) {
    return draft.sections().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }
}
