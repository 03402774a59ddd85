package dev.firebell.incident.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertMergeTest {
  private static final Instant FIRST = Instant.parse("2026-11-28T16:00:00Z");
  private static final Instant SECOND = Instant.parse("2026-11-28T17:00:00Z");

  @Test
  void aLateResolutionOfAnOlderEpisodeDoesNotResolveTheCurrentOne() {
    Map<String, AlertState> known = Map.of("fp", stored(AlertStatus.FIRING, SECOND));
    AlertMerge.Plan plan = AlertMerge.plan(known, List.of(signal(AlertStatus.RESOLVED, FIRST)));
    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void aResolutionOfTheCurrentEpisodeResolvesIt() {
    Map<String, AlertState> known = Map.of("fp", stored(AlertStatus.FIRING, SECOND));
    AlertMerge.Plan plan = AlertMerge.plan(known, List.of(signal(AlertStatus.RESOLVED, SECOND)));
    assertThat(plan.resolved()).hasSize(1);
  }

  @Test
  void aLaterStartAfterResolutionIsANewEpisodeAndAnEqualOneIsAReplay() {
    Map<String, AlertState> known = Map.of("fp", stored(AlertStatus.RESOLVED, FIRST));
    assertThat(AlertMerge.plan(known, List.of(signal(AlertStatus.FIRING, SECOND))).refired())
        .hasSize(1);
    assertThat(AlertMerge.plan(known, List.of(signal(AlertStatus.FIRING, FIRST))).isEmpty())
        .isTrue();
  }

  @Test
  void aHigherValueInTheSameEpisodeRaisesItsPeakWithoutChangingItsStatus() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, AlertState> known =
        Map.of("fp", new AlertState("fp", AlertStatus.FIRING, FIRST, json.readTree("{\"B\": 20}")));
    AlertMerge.Plan higher = AlertMerge.plan(known, List.of(valued(json.readTree("{\"B\": 35}"))));
    assertThat(higher.raised()).hasSize(1);
    assertThat(higher.changesStatus()).isFalse();
    assertThat(AlertMerge.plan(known, List.of(valued(json.readTree("{\"B\": 5}")))).isEmpty())
        .isTrue();
  }

  @Test
  void anUnknownFingerprintIsAddedFiringOrAlreadyResolved() {
    AlertMerge.Plan plan =
        AlertMerge.plan(
            Map.of(),
            List.of(
                signal("a", AlertStatus.FIRING, FIRST), signal("b", AlertStatus.RESOLVED, FIRST)));
    assertThat(plan.added()).extracting(AlertSignal::fingerprint).containsExactly("a", "b");
    assertThat(plan.changesStatus()).isTrue();
  }

  @Test
  void aRepeatOfAFiringAlertChangesNothing() {
    Map<String, AlertState> known = Map.of("fp", stored(AlertStatus.FIRING, FIRST));
    assertThat(AlertMerge.plan(known, List.of(signal(AlertStatus.FIRING, FIRST))).isEmpty())
        .isTrue();
  }

  @Test
  void aResolutionRepeatedAfterItResolvedChangesNothing() {
    Map<String, AlertState> known = Map.of("fp", stored(AlertStatus.RESOLVED, FIRST));
    assertThat(AlertMerge.plan(known, List.of(signal(AlertStatus.RESOLVED, FIRST))).isEmpty())
        .isTrue();
  }

  @Test
  void theLastCopyOfAFingerprintInOneNotificationWins() {
    Map<String, AlertState> known = Map.of("fp", stored(AlertStatus.FIRING, FIRST));
    AlertMerge.Plan plan =
        AlertMerge.plan(
            known, List.of(signal(AlertStatus.RESOLVED, FIRST), signal(AlertStatus.FIRING, FIRST)));
    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void eachAlertsOwnStatusCountsNotTheGroups() {
    Map<String, AlertState> known =
        Map.of(
            "a", new AlertState("a", AlertStatus.FIRING, FIRST, null),
            "b", new AlertState("b", AlertStatus.FIRING, FIRST, null));
    AlertMerge.Plan plan =
        AlertMerge.plan(
            known,
            List.of(
                signal("a", AlertStatus.FIRING, FIRST), signal("b", AlertStatus.RESOLVED, FIRST)));
    assertThat(plan.resolved()).extracting(AlertSignal::fingerprint).containsExactly("b");
    assertThat(plan.added()).isEmpty();
  }

  @Test
  void aDelayedCopyOfAClosedEpisodeDoesNotOpenANewIncident() {
    Map<String, AlertState> previous = Map.of("fp", stored(AlertStatus.RESOLVED, FIRST));
    assertThat(
            AlertMerge.withoutClosedEpisodes(List.of(signal(AlertStatus.FIRING, FIRST)), previous))
        .isEmpty();
    assertThat(
            AlertMerge.withoutClosedEpisodes(
                List.of(
                    signal(AlertStatus.FIRING, SECOND), signal("new", AlertStatus.FIRING, FIRST)),
                previous))
        .extracting(AlertSignal::fingerprint)
        .containsExactly("fp", "new");
  }

  private static AlertSignal valued(JsonNode values) {
    return new AlertSignal(
        "fp",
        AlertStatus.FIRING,
        Map.of(),
        Map.of(),
        values,
        null,
        FIRST,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static AlertState stored(AlertStatus status, Instant startsAt) {
    return new AlertState("fp", status, startsAt, null);
  }

  private static AlertSignal signal(AlertStatus status, Instant startsAt) {
    return signal("fp", status, startsAt);
  }

  private static AlertSignal signal(String fingerprint, AlertStatus status, Instant startsAt) {
    Instant endsAt = status == AlertStatus.RESOLVED ? startsAt.plusSeconds(60) : null;
    return new AlertSignal(
        fingerprint,
        status,
        Map.of(),
        Map.of(),
        null,
        null,
        startsAt,
        endsAt,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void aPlanOfMoreAlertsThanAPartIsCutInOrderAndEveryAlertIsInOnePart() {
    List<AlertSignal> added = alerts("new", 3, AlertStatus.FIRING, SECOND);
    List<AlertSignal> refired = alerts("again", 2, AlertStatus.FIRING, SECOND);
    List<AlertSignal> resolved = alerts("over", 2, AlertStatus.RESOLVED, FIRST);
    AlertMerge.Plan plan = new AlertMerge.Plan(added, refired, resolved, List.of());

    List<AlertMerge.Plan> parts = plan.parts(3);

    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).added()).isEqualTo(added);
    assertThat(parts.get(0).refired()).isEmpty();
    assertThat(parts.get(1).refired()).isEqualTo(refired);
    assertThat(parts.get(1).resolved()).containsExactly(resolved.get(0));
    assertThat(parts.get(2).resolved()).containsExactly(resolved.get(1));
    assertThat(parts.stream().flatMap(part -> part.alerts().stream()))
        .containsExactlyElementsOf(plan.alerts());
  }

  @Test
  void aPlanThatFitsOnePartIsItself() {
    AlertMerge.Plan plan =
        new AlertMerge.Plan(
            alerts("new", 3, AlertStatus.FIRING, SECOND), List.of(), List.of(), List.of());
    assertThat(plan.parts(3)).containsExactly(plan);
    AlertMerge.Plan empty = AlertMerge.plan(Map.of(), List.of());
    assertThat(empty.parts(500)).containsExactly(empty);
  }

  private static List<AlertSignal> alerts(
      String prefix, int count, AlertStatus status, Instant startsAt) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(
            n ->
                SignalsTest.alert(
                    prefix + n, Map.of("instance", prefix + n), Map.of(), startsAt, status))
        .toList();
  }
}
