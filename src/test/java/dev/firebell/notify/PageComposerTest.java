package dev.firebell.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.channel.PageMessage;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentDetails;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.alert.AlertStatus;
import dev.firebell.incident.alert.IncidentAlert;
import dev.firebell.incident.review.IncidentReview;
import dev.firebell.oncall.Person;
import dev.firebell.security.LinkAction;
import dev.firebell.security.LinkTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a page, a status update and a digest say, built from an incident as it stands. */
class PageComposerTest {
  private static final Instant NOW = Instant.parse("2026-11-28T16:10:00Z");
  private static final LinkTokens TOKENS = new LinkTokens("s".repeat(32), Duration.ofDays(7));
  private static final PageComposer COMPOSER =
      new PageComposer("https://firebell.example", TOKENS, id -> id.equals("tessa") ? "Tessa" : id);
  private static final Person TESSA = new Person("tessa", "Tessa", List.of());

  @Test
  void aPageCarriesSignedLinksForThePersonPaged() {
    PageMessage page =
        COMPOSER.compose(details(IncidentStatus.TRIGGERED, 1, 0), 1, TESSA, true, NOW);
    assertThat(page.kind()).isEqualTo("page");
    assertThat(page.incidentUrl()).isEqualTo("https://firebell.example/incidents/7");
    String token = page.ackUrl().substring("https://firebell.example/ack/".length());
    assertThat(TOKENS.verify(token, LinkAction.ACK, NOW).personId()).isEqualTo("tessa");
    assertThat(page.resolveUrl()).startsWith("https://firebell.example/resolve/");
    assertThat(page.headline()).isEqualTo("[SEV-2] #7 Disk full");
  }

  @Test
  void aStatusUpdateHasNoAcknowledgeLinkAndAResolvedOneNoLinksAtAll() {
    PageMessage acknowledged =
        COMPOSER.compose(details(IncidentStatus.ACKNOWLEDGED, 1, 0), 1, TESSA, false, NOW);
    assertThat(acknowledged.kind()).isEqualTo("status-update");
    assertThat(acknowledged.ackUrl()).isNull();
    assertThat(acknowledged.resolveUrl()).isNotNull();
    assertThat(acknowledged.headline()).isEqualTo("ACKNOWLEDGED: [SEV-2] #7 Disk full");
    PageMessage resolved =
        COMPOSER.compose(details(IncidentStatus.RESOLVED, 1, 0), 1, TESSA, false, NOW);
    assertThat(resolved.ackUrl()).isNull();
    assertThat(resolved.resolveUrl()).isNull();
  }

  @Test
  void theSummaryIsTheFirstSummaryDescriptionOrMessageElseTheTitle() {
    assertThat(
            COMPOSER
                .compose(details(IncidentStatus.TRIGGERED, 1, 0), 1, TESSA, true, NOW)
                .summary())
        .isEqualTo("Disk 95% full on db1");
    assertThat(
            COMPOSER
                .compose(details(IncidentStatus.TRIGGERED, 0, 0), 0, TESSA, true, NOW)
                .summary())
        .isEqualTo("Disk full");
  }

  @Test
  void aStormCarriesItsFirstHundredAlertsAndCountsTheRest() {
    PageMessage page =
        COMPOSER.compose(details(IncidentStatus.TRIGGERED, 150, 0), 10_000, TESSA, true, NOW);
    assertThat(page.alerts()).hasSize(PageMessage.MAX_ALERTS);
    assertThat(page.alertsTotal()).isEqualTo(10_000);
    assertThat(page.alertsTruncated()).isTrue();
  }

  @Test
  void alertsTheSenderLeftOutAreSaidInTheSummary() {
    PageMessage page =
        COMPOSER.compose(details(IncidentStatus.TRIGGERED, 1, 9000), 1, TESSA, true, NOW);
    assertThat(page.summary()).endsWith("(and 9000 more not sent by Alertmanager)");
  }

  @Test
  void theMessageSaysHowLongTheIncidentHasBeenOpenFromItsStart() {
    PageMessage page =
        COMPOSER.compose(details(IncidentStatus.TRIGGERED, 1, 0), 1, TESSA, true, NOW);
    assertThat(page.openMinutes()).isEqualTo(25);
  }

  @Test
  void aDigestListsTwentyIncidentsAndCountsTheRest() {
    List<FoldedPage> folded =
        IntStream.rangeClosed(1, 23)
            .mapToObj(i -> new FoldedPage(i, "Incident " + i, "SEV-3", "pizza"))
            .toList();
    PageMessage digest = COMPOSER.digest(TESSA, folded);
    assertThat(digest.title()).isEqualTo("and 23 more incidents");
    assertThat(digest.summary())
        .startsWith("and 23 more incidents: #1 Incident 1 (SEV-3); #2 Incident 2 (SEV-3)")
        .endsWith("#20 Incident 20 (SEV-3); and 3 more");
    assertThat(digest.ackUrl()).isNull();
    assertThat(digest.incidentUrl()).isEqualTo("https://firebell.example/?status=open");
    assertThat(digest.headline()).isEqualTo("and 23 more incidents");
  }

  private static IncidentDetails details(IncidentStatus status, int alerts, int truncated) {
    Incident incident =
        new Incident(
            7,
            "hash",
            "alertmanager",
            "team",
            "Disk full",
            "SEV-2",
            "db",
            status,
            false,
            NOW.minusSeconds(600),
            null,
            null,
            status == IncidentStatus.RESOLVED ? NOW : null,
            null,
            Map.of(),
            Map.of(),
            Map.of(),
            "",
            false,
            NOW.minus(Duration.ofMinutes(25)),
            truncated,
            dev.firebell.config.Urgency.HIGH);
    List<IncidentAlert> rows =
        IntStream.range(0, alerts)
            .mapToObj(
                i ->
                    new IncidentAlert(
                        7,
                        "fp" + i,
                        AlertStatus.FIRING,
                        Map.of("alertname", "DiskFull"),
                        Map.of("summary", "Disk 95% full on db1"),
                        null,
                        null,
                        NOW.minus(Duration.ofMinutes(25)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
            .toList();
    return new IncidentDetails(incident, rows, List.of(), IncidentReview.empty());
  }
}
