package dev.firebell.importer.opsgenie;

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
 * {@code firebell import opsgenie} against Opsgenie's API answering from recorded answers: the file
 * loads, every schedule matches Opsgenie's timeline hour by hour for 90 days (a weekday range, a
 * window across midnight, hourly turns in a half-hour zone, a weekend range across two
 * daylight-saving changes), absolute rule delays become the waits between steps, and what cannot
 * come across is reported.
 */
class OpsgenieImportIT {
  private static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");

  @TempDir Path dir;
  private final RecordedOpsgenie opsgenie = new RecordedOpsgenie();
  private final ImportRun command = new ImportRun(NOW);

  @AfterEach
  void stop() {
    opsgenie.close();
  }

  @Test
  void theImportedFileLoadsAndVerifiesAgainstOpsgeniesTimeline() {
    opsgenie.script(
        "/v2/users", new MockResponse(429, Headers.of("Retry-After", "2"), "{\"message\":\"\"}"));
    Path file = dir.resolve("oncall.yaml");

    int exit =
        command.run(
            "opsgenie",
            "--url",
            opsgenie.url(),
            "--token",
            RecordedOpsgenie.KEY,
            "--out",
            file.toString(),
            "--verify");

    assertThat(exit).as(command.err() + command.out()).isEqualTo(ImportCommand.WRITTEN);
    assertThat(command.waits).containsExactly(Duration.ofSeconds(2));
    assertThat(command.out())
        .contains(
            "Imported from Opsgenie: 5 people, 7 contacts, 5 notification rules, 3 schedules"
                + " (4 rotations, 1 overrides), 2 escalation policies, 4 routes")
        .contains("follow-the-sun: 672 of 672 hours match")
        .contains("india: 672 of 672 hours match")
        .contains("weekend: 672 of 672 hours match");
    // The pages' paging.next names api.opsgenie.com: only its offset is used, and the key goes
    // only to the --url given (as for an EU account's api.eu.opsgenie.com).
    assertThat(opsgenie.requests())
        .extracting(request -> request.getUrl().encodedPath() + "?" + request.getUrl().query())
        .contains("/v2/users?limit=100&offset=3");
    for (RecordedRequest request : opsgenie.requests()) {
      assertThat(request.getHeaders().get("Authorization"))
          .isEqualTo("GenieKey " + RecordedOpsgenie.KEY);
      assertThat(request.getUrl().host()).isEqualTo(okhttp3.HttpUrl.get(opsgenie.url()).host());
    }
    OnCall loaded = ImportRun.load(file);
    assertThat(loaded.people().keySet())
        .containsExactlyInAnyOrder("olga", "pete", "quinn", "rhea", "sam");
    assertThat(loaded.routes()).hasSize(4);
  }

  @Test
  void everyScheduleMatchesOpsgenieHourByHourForNinetyDays() throws Exception {
    OpsgenieImport opsgenieImport = importer();
    Imported imported = opsgenieImport.read(NOW);
    Instant to = NOW.plus(Duration.ofDays(90));
    for (Map.Entry<String, String> schedule : imported.vendorScheduleIds().entrySet()) {
      RotaCheck.Result result =
          RotaCheck.compare(
              imported.oncall().schedules().get(schedule.getKey()),
              opsgenieImport.rendered(schedule.getValue(), NOW, to),
              "Opsgenie",
              NOW,
              to);
      assertThat(result.line()).isEqualTo(schedule.getKey() + ": 2160 of 2160 hours match");
    }
  }

  @Test
  void delaysFromTheAlertBecomeWaitsBetweenStepsAndRulesKeepTheirSteps() throws Exception {
    Imported imported = importer().read(NOW);
    OnCall oncall = imported.oncall();

    assertThat(oncall.people().get("olga").rules().high())
        .containsExactly(
            new NotificationRule("sms", Duration.ofMinutes(2)),
            new NotificationRule("voice", Duration.ofMinutes(5)));
    assertThat(oncall.people().get("olga").contacts())
        .extracting(contact -> contact.id() + " " + contact.contact())
        .containsExactly(
            "email EmailContact[to=olga@example.com]",
            "sms PhoneContact[type=SMS, to=+4915112345678]",
            "voice PhoneContact[type=VOICE, to=+4915112345678]");

    EscalationPolicy platform = oncall.policies().get("platform");
    assertThat(platform.steps())
        .extracting(step -> step.targets() + " after " + step.escalateAfter())
        .containsExactly(
            "[schedule:follow-the-sun, person:pete] after PT10M",
            "[person:quinn] after PT20M",
            "[schedule:weekend] after PT15M");
    assertThat(platform.repeat()).isEqualTo(2);
    assertThat(oncall.policies().get("india").steps().get(0).escalateAfter())
        .isEqualTo(Duration.ofMinutes(1));

    assertThat(oncall.routes())
        .extracting(
            route ->
                route.matchers().stream().map(m -> m.text()).collect(Collectors.joining(" "))
                    + " -> "
                    + route.policy())
        .containsExactly(
            "env!=\"staging\" team=~\"web|api\" -> platform",
            "service=\"checkout\" -> platform",
            "service=\"cart\" -> platform",
            " -> india");

    assertThat(imported.report().skipped())
        .extracting(item -> item.what() + " " + item.vendorId())
        .containsExactlyInAnyOrder(
            "contact c-olga-app",
            "notification rule r-olga-p1",
            "notification step s-olga-1",
            "schedule a1b2c3d4-0000-4000-8000-000000000004",
            "rotation a1b2c3d4-0000-4000-8000-000000000003/r-old",
            "escalation rule 9a0f8e1c-1111-4c11-8c11-000000000001/90098alp9-f0e3-41d3-a060-0ea895456a21",
            "routing rule 90098alp9-f0e3-41d3-a060-0ea895456a21/rr-message",
            "routing rule 90098alp9-f0e3-41d3-a060-0ea895456a21/rr-none");
    assertThat(imported.report().approximated())
        .extracting(item -> item.why())
        .contains(
            "escalates until the alert is closed in Opsgenie; Firebell stops at acknowledgement",
            "its first rule waits 5 minutes after the alert; Firebell pages step 1 at once");
  }

  @Test
  void aRefusedKeyEndsWithOneLineAndNoFile() {
    opsgenie.script(
        "/v2/users",
        new MockResponse(
            401, Headers.of(), "{\"message\":\"Could not authenticate\",\"took\":0.002}"));
    Path file = dir.resolve("oncall.yaml");
    int exit =
        command.run("opsgenie", "--url", opsgenie.url(), "--token", "x", "--out", file.toString());
    assertThat(exit).isEqualTo(ImportCommand.FAILED);
    assertThat(command.err().strip())
        .matches("firebell import: 401 .* from " + opsgenie.url() + "v2/users");
    assertThat(file).doesNotExist();
  }

  private OpsgenieImport importer() throws Exception {
    return new OpsgenieImport(
        new VendorHttp(
            new OkHttpClient(),
            opsgenie.url(),
            OpsgenieImport.headers(RecordedOpsgenie.KEY),
            Json.mapper(),
            command.waits::add));
  }
}
