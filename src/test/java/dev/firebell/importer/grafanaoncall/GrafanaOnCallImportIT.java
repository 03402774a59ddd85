package dev.firebell.importer.grafanaoncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.importer.ImportCommand;
import dev.firebell.importer.ImportRun;
import dev.firebell.importer.Imported;
import dev.firebell.importer.RotaCheck;
import dev.firebell.importer.VendorHttp;
import dev.firebell.json.Json;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.contact.NotificationRule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code firebell import oncall} against a Grafana OnCall instance answering from recorded answers:
 * levels, weekday masks, groups of two, nights across midnight and weekends across two
 * daylight-saving changes match OnCall's final shifts hour by hour for 90 days; rules, waits and
 * routes come across; what cannot is reported.
 */
class GrafanaOnCallImportIT {
  private static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");

  @TempDir Path dir;
  private final RecordedGrafanaOnCall oncall = new RecordedGrafanaOnCall();
  private final ImportRun command = new ImportRun(NOW);

  @AfterEach
  void stop() {
    oncall.close();
  }

  @Test
  void theImportedFileLoadsAndVerifiesAgainstOnCallsFinalShifts() {
    oncall.script("/api/v1/users/", new MockResponse(429, Headers.of("Retry-After", "3"), "{}"));
    Path file = dir.resolve("oncall.yaml");

    int exit =
        command.run(
            "oncall",
            "--url",
            oncall.url(),
            "--token",
            RecordedGrafanaOnCall.KEY,
            "--out",
            file.toString(),
            "--verify");

    assertThat(exit).as(command.err() + command.out()).isEqualTo(ImportCommand.WRITTEN);
    assertThat(command.waits).containsExactly(Duration.ofSeconds(3));
    assertThat(command.out())
        .contains(
            "Imported from Grafana OnCall: 5 people, 5 contacts, 4 notification rules,"
                + " 3 schedules (5 rotations, 51 overrides), 2 escalation policies, 2 routes")
        .contains("primary: 672 of 672 hours match")
        .contains("nights: 672 of 672 hours match")
        .contains("legacy-calendar: 672 of 672 hours match");
    for (RecordedRequest request : oncall.requests()) {
      assertThat(request.getHeaders().get("Authorization")).isEqualTo(RecordedGrafanaOnCall.KEY);
    }
    OnCall loaded = ImportRun.load(file);
    assertThat(loaded.people().keySet())
        .containsExactlyInAnyOrder("alice", "bob", "carol", "dave", "erin");
  }

  @Test
  void everyScheduleMatchesOnCallHourByHourForNinetyDays() throws Exception {
    GrafanaOnCallImport importer = importer();
    Imported imported = importer.read(NOW);
    Instant to = NOW.plus(Duration.ofDays(90));
    for (Map.Entry<String, String> schedule : imported.vendorScheduleIds().entrySet()) {
      RotaCheck.Result result =
          RotaCheck.compare(
              imported.oncall().schedules().get(schedule.getKey()),
              importer.rendered(schedule.getValue(), NOW, to),
              "Grafana OnCall",
              NOW,
              to);
      assertThat(result.line()).isEqualTo(schedule.getKey() + ": 2160 of 2160 hours match");
    }
  }

  @Test
  void rulesChainsAndRoutesComeAcross() throws Exception {
    Imported imported = importer().read(NOW);
    OnCall rota = imported.oncall();

    assertThat(rota.people().get("alice").rules().high())
        .containsExactly(new NotificationRule("email", Duration.ofMinutes(2)));
    assertThat(rota.people().get("alice").rules().low())
        .containsExactly(new NotificationRule("email", Duration.ZERO));
    assertThat(rota.people().get("carol").rules().high())
        .containsExactly(new NotificationRule("email", Duration.ofMinutes(1)));

    EscalationPolicy platform = rota.policies().get("platform");
    assertThat(platform.steps())
        .extracting(step -> step.targets() + " after " + step.escalateAfter())
        .containsExactly(
            "[schedule:primary, person:bob] after PT5M",
            "[person:carol] after PT10M",
            "[schedule:nights] after PT1M30S");
    assertThat(platform.repeat()).isEqualTo(5);
    assertThat(rota.schedules().get("primary").rotations())
        .extracting(rotation -> rotation.people() + " p" + rotation.priority())
        .containsExactly("[alice, bob] p0", "[carol, erin] p1", "[dave, alice] p1");

    assertThat(rota.routes())
        .extracting(
            route ->
                route.matchers().stream().map(m -> m.text()).collect(Collectors.joining(" "))
                    + " -> "
                    + route.policy())
        .containsExactly("team=\"platform\" env!=\"dev\" -> platform", " -> quiet-hours");
    assertThat(imported.report().skipped())
        .extracting(item -> item.what() + " " + item.vendorId())
        .containsExactlyInAnyOrder(
            "notification rule NA3",
            "notification rule NA4",
            "notification rule NE1",
            "shift SNIGHTS02/OE",
            "escalation step FWDL7M6N6I9HE/E6",
            "route RZ2B9J4K8M1QX");
    assertThat(imported.report().skipped().get(1).why())
        .isEqualTo(
            "alice's notify by sms: OnCall's API gives no phone numbers; add an sms or voice"
                + " contact by hand");
  }

  @Test
  void templatesComparingLabelsBecomeMatchers() {
    assertThat(
            GrafanaOnCallImport.matchers("{{ payload.commonLabels.severity == \"critical\" }}")
                .get(0)
                .text())
        .isEqualTo("severity=\"critical\"");
    assertThat(GrafanaOnCallImport.matchers("{{ \"db\" in payload.commonLabels.team }}")).isEmpty();
    assertThat(GrafanaOnCallImport.matchers("us-(east|west)")).isEmpty();
  }

  private GrafanaOnCallImport importer() throws Exception {
    return new GrafanaOnCallImport(
        new VendorHttp(
            new OkHttpClient(),
            oncall.url(),
            GrafanaOnCallImport.headers(RecordedGrafanaOnCall.KEY),
            Json.mapper(),
            command.waits::add));
  }
}
