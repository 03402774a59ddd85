package dev.firebell.incident.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.timeline.TimelineTexts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a notification says about its group before anything is stored: start, names, route. */
class SignalsTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-28T16:10:00Z");

  static AlertSignal alert(String fingerprint, Map<String, String> labels, Instant startsAt) {
    return alert(fingerprint, labels, Map.of(), startsAt, AlertStatus.FIRING);
  }

  static AlertSignal alert(
      String fingerprint,
      Map<String, String> labels,
      Map<String, String> annotations,
      Instant startsAt,
      AlertStatus status) {
    return new AlertSignal(
        fingerprint,
        status,
        labels,
        annotations,
        null,
        null,
        startsAt,
        status == AlertStatus.RESOLVED ? startsAt.plusSeconds(60) : null,
        null,
        null,
        null,
        null,
        null);
  }

  static AlertGroupSignal group(
      Map<String, String> groupLabels, Map<String, String> common, List<AlertSignal> alerts) {
    return new AlertGroupSignal(
        "alertmanager",
        "hash",
        "{}:{}",
        "team",
        "title",
        "SEV-2",
        "pizza",
        false,
        groupLabels,
        common,
        Map.of(),
        "",
        alerts,
        0,
        RECEIVED);
  }

  @Test
  void anIncidentStartsWithItsEarliestAlert() {
    AlertGroupSignal signal =
        group(
            Map.of(),
            Map.of(),
            List.of(
                alert("b", Map.of(), RECEIVED.minusSeconds(60)),
                alert("a", Map.of(), RECEIVED.minusSeconds(300))));
    assertThat(signal.startedAt(signal.alerts())).isEqualTo(RECEIVED.minusSeconds(300));
  }

  @Test
  void aSenderClockAheadOfOursNeverStartsAnIncidentInTheFuture() {
    AlertGroupSignal signal =
        group(Map.of(), Map.of(), List.of(alert("a", Map.of(), RECEIVED.plusSeconds(3600))));
    assertThat(signal.startedAt(signal.alerts())).isEqualTo(RECEIVED);
  }

  @Test
  void theRuleNameIsTheCommonAlertnameElseTheFirstAlertsOne() {
    AlertSignal unnamed = alert("a", Map.of(), RECEIVED);
    AlertSignal named = alert("b", Map.of("alertname", "DiskFull"), RECEIVED);
    assertThat(group(Map.of(), Map.of("alertname", "Cpu"), List.of(named)).alertName())
        .isEqualTo("Cpu");
    assertThat(group(Map.of(), Map.of(), List.of(unnamed, named)).alertName())
        .isEqualTo("DiskFull");
    assertThat(group(Map.of(), Map.of(), List.of(unnamed)).alertName()).isNull();
  }

  @Test
  void anAlertWithoutANameIsCalledByItsFingerprint() {
    assertThat(alert("3f2a", Map.of("alertname", " "), RECEIVED).alertName())
        .isEqualTo("Alert 3f2a");
  }

  @Test
  void routingReadsTheGroupsLabelsCompletedByTheEarliestAlertsOwn() {
    AlertSignal later = alert("a", Map.of("team", "later", "zone", "eu"), RECEIVED);
    AlertSignal earliest =
        alert("b", Map.of("team", "first", "instance", "db1"), RECEIVED.minusSeconds(60));
    AlertGroupSignal signal =
        group(Map.of("service", "pizza"), Map.of("severity", "critical"), List.of(later, earliest));
    assertThat(GroupRecorder.routingLabels(signal, signal.alerts()))
        .isEqualTo(
            Map.of("team", "first", "instance", "db1", "service", "pizza", "severity", "critical"));
  }

  @Test
  void theGroupsLabelsWinOverAnAlertsOwn() {
    AlertSignal alert = alert("a", Map.of("service", "from-alert"), RECEIVED);
    AlertGroupSignal signal = group(Map.of(), Map.of("service", "common"), List.of(alert));
    assertThat(GroupRecorder.routingLabels(signal, signal.alerts()))
        .containsEntry("service", "common");
  }

  @Test
  void alertsStartingTogetherAreOrderedByFingerprintAsTheDatabaseReadsThem() {
    AlertSignal b = alert("b", Map.of("zone", "b"), RECEIVED);
    AlertSignal a = alert("a", Map.of("zone", "a"), RECEIVED);
    AlertGroupSignal signal = group(Map.of(), Map.of(), List.of(b, a));
    assertThat(GroupRecorder.routingLabels(signal, signal.alerts())).containsEntry("zone", "a");
  }

  @Test
  void aFiredEntryNamesTheRuleItsSummaryAndTheInstance() {
    AlertSignal alert =
        alert(
            "a",
            Map.of("alertname", "DiskFull", "instance", "db1:9100"),
            Map.of("summary", "  Disk 95% full  "),
            RECEIVED,
            AlertStatus.FIRING);
    assertThat(TimelineTexts.fired(alert))
        .isEqualTo("DiskFull fired: Disk 95% full [instance=db1:9100]");
    assertThat(TimelineTexts.resolved(alert)).isEqualTo("DiskFull resolved [instance=db1:9100]");
  }

  @Test
  void theInstanceLabelIsTheFirstOfInstanceHostPodNodeZone() {
    AlertSignal alert = alert("a", Map.of("alertname", "X", "pod", "p-1", "zone", "z"), RECEIVED);
    assertThat(TimelineTexts.resolved(alert)).isEqualTo("X resolved [pod=p-1]");
  }

  @Test
  void aReceiptCountsFiringAndResolvedAndNamesTheReceiver() {
    AlertGroupSignal signal =
        group(
            Map.of(),
            Map.of(),
            List.of(
                alert("a", Map.of(), RECEIVED),
                alert("b", Map.of(), Map.of(), RECEIVED, AlertStatus.RESOLVED)));
    assertThat(TimelineTexts.received(signal, null))
        .isEqualTo("Alertmanager notification received (receiver \"team\"): 1 firing, 1 resolved");
    assertThat(TimelineTexts.received(signal, 41L))
        .endsWith("; the group fired again after incident 41 was resolved");
  }

  @Test
  void anAutomaticResolutionSaysHowManyAlertsResolved() {
    assertThat(TimelineTexts.autoResolved(1))
        .isEqualTo("Incident resolved automatically: its alert resolved");
    assertThat(TimelineTexts.autoResolved(3))
        .isEqualTo("Incident resolved automatically: all 3 alerts resolved");
  }

  @Test
  void aHugeSummaryIsCutToWhatATimelineEntryHolds() {
    AlertSignal alert =
        alert(
            "a",
            Map.of("alertname", "X"),
            Map.of("summary", "y".repeat(10_000)),
            RECEIVED,
            AlertStatus.FIRING);
    String text = TimelineTexts.fired(alert);
    assertThat(text).hasSize(3900).endsWith("…");
  }
}
