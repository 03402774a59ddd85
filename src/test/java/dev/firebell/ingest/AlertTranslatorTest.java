package dev.firebell.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.Fixtures;
import dev.firebell.config.SeverityConfig;
import dev.firebell.incident.alert.AlertGroupSignal;
import dev.firebell.incident.alert.AlertSignal;
import dev.firebell.incident.alert.AlertStatus;
import dev.firebell.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertTranslatorTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-28T16:10:00Z");
  private final PayloadParser parser = new PayloadParser(Json.mapper());
  private final AlertTranslator translator = new AlertTranslator(SeverityConfig.defaults());

  @Test
  void alertmanagerPayload() {
    AlertGroupSignal signal =
        translate(WebhookSource.ALERTMANAGER, "alertmanager-live/am-firing.json");

    assertThat(signal.source()).isEqualTo("alertmanager");
    assertThat(signal.title())
        .isEqualTo("PizzaFailureSpike: Pizza order failures are spiking on 127.0.0.1:38109");
    assertThat(signal.severity()).isEqualTo("SEV-1");
    assertThat(signal.service()).isEqualTo("pizza-factory");
    assertThat(signal.test()).isFalse();
    assertThat(signal.groupKey())
        .isEqualTo("{}:{alertname=\"PizzaFailureSpike\", service=\"pizza-factory\"}");
    AlertSignal alert = signal.alerts().get(0);
    assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
    assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-28T16:07:35.577Z"));
    assertThat(alert.endsAt()).isNull();
  }

  @Test
  void sameGroupFromGrafanaAndAlertmanagerAreDifferentGroups() {
    AlertGroupSignal viaAlertmanager =
        translate(WebhookSource.ALERTMANAGER, "alertmanager-live/am-firing.json");
    // The same group as a Grafana-managed Alertmanager would send it (no Alertmanager version).
    AlertGroupSignal viaGrafana =
        translator.translate(
            WebhookSource.GRAFANA,
            parse(
                Fixtures.read("alertmanager-live/am-firing.json")
                    .replace("\"version\": \"4\"", "\"version\": \"1\"")),
            RECEIVED);
    AlertGroupSignal resolved =
        translate(WebhookSource.ALERTMANAGER, "alertmanager-live/am-resolved.json");

    assertThat(viaAlertmanager.groupHash()).isNotEqualTo(viaGrafana.groupHash());
    assertThat(viaAlertmanager.groupHash()).isEqualTo(resolved.groupHash()).hasSize(64);
  }

  @Test
  void grafanaTitleLosesItsStatusPrefixOrFallsBackToNameAndSummary() {
    assertThat(
            translate(WebhookSource.GRAFANA, "captured/grafana-unified/alert_values_v11.json")
                .title())
        .isEqualTo("Memory (copy) device (true)");
    assertThat(translate(WebhookSource.GRAFANA, "captured/grafana-unified/alert-9.json").title())
        .isEqualTo("Test alert: This is a summary field, failure on some_host");
    assertThat(translate(WebhookSource.GRAFANA, "grafana/grafana-firing-two-alerts.json").title())
        .isEqualTo("High memory usage: This alert was triggered for zone us-1");
  }

  @Test
  void goTimeStringsZeroTimesAndMissingFields() {
    AlertGroupSignal test =
        translate(WebhookSource.GRAFANA, "captured/grafana-unified/alert_v8_missing_field.json");
    AlertSignal alert = test.alerts().get(0);
    assertThat(test.test()).isTrue();
    assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
    assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-05-27T15:36:00.112013Z"));
    assertThat(alert.endsAt()).isNull();

    AlertSignal bare =
        translate(
                WebhookSource.GRAFANA,
                "captured/grafana-unified/alert_alerts_style_missing_fields.json")
            .alerts()
            .get(0);
    assertThat(bare.startsAt()).isEqualTo(RECEIVED);
    assertThat(bare.fingerprint()).hasSize(16);
    assertThat(bare.alertName()).startsWith("Alert ");
  }

  @Test
  void resolvedAlertWithoutEndTimeEndsAtReceipt() {
    AlertSignal alert =
        translate(WebhookSource.ALERTMANAGER, "captured/alertmanager/single_alert.json")
            .alerts()
            .get(0);
    assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(alert.endsAt()).isEqualTo(RECEIVED);
  }

  @Test
  void severityMappingIgnoresCaseAndKeepsSevValues() {
    SeverityConfig severity = SeverityConfig.defaults();
    assertThat(severity.severityFor("CRITICAL")).isEqualTo("SEV-1");
    assertThat(severity.severityFor("sev-2")).isEqualTo("SEV-2");
    assertThat(severity.severityFor("page-me")).isEqualTo("SEV-3");
    assertThat(severity.severityFor(null)).isEqualTo("SEV-3");
  }

  @Test
  void aBodyOfTheOtherSenderIsRefusedNamingTheEndpointToUse() {
    assertThatThrownBy(() -> translate(WebhookSource.GRAFANA, "alertmanager-live/am-firing.json"))
        .isInstanceOfSatisfying(
            InvalidPayload.class,
            e -> {
              assertThat(e.field()).isEqualTo("version");
              assertThat(e.getMessage()).contains("/webhooks/alertmanager");
            });
    assertThatThrownBy(
            () -> translate(WebhookSource.ALERTMANAGER, "captured/grafana-unified/alert-9.json"))
        .isInstanceOfSatisfying(
            InvalidPayload.class, e -> assertThat(e.getMessage()).contains("/webhooks/grafana"));
  }

  @Test
  void unparseableTimeNamesTheField() {
    String body =
        Fixtures.read("captured/grafana-unified/alert-9.json")
            .replace("2022-06-17T00:41:00.782137894Z", "17/06/2022");
    assertThatThrownBy(() -> translator.translate(WebhookSource.GRAFANA, parse(body), RECEIVED))
        .isInstanceOfSatisfying(
            InvalidPayload.class, e -> assertThat(e.field()).isEqualTo("alerts[0].startsAt"));
  }

  private AlertGroupSignal translate(WebhookSource source, String fixture) {
    return translator.translate(source, parse(Fixtures.read(fixture)), RECEIVED);
  }

  private WebhookPayload parse(String body) {
    return parser.parse(body.getBytes(StandardCharsets.UTF_8));
  }
}
