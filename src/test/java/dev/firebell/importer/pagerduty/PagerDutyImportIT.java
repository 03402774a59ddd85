package dev.firebell.importer.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.config.Urgency;
import dev.firebell.importer.ImportCommand;
import dev.firebell.importer.ImportRun;
import dev.firebell.importer.Imported;
import dev.firebell.importer.RotaCheck;
import dev.firebell.importer.VendorHttp;
import dev.firebell.json.Json;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.contact.ContactMethod;
import dev.firebell.oncall.contact.NotificationRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code firebell import pagerduty} against PagerDuty's API answering from recorded answers: the
 * file it writes loads, every schedule's final schedule equals PagerDuty's rendering hour by hour
 * for 90 days, delays, repeats and rules come across exactly, what cannot is reported, and a bad
 * token, a failing server or a broken answer end with one line and no file.
 */
class PagerDutyImportIT {
  /** After the Berlin and New York daylight-saving changes of March 2027 come within 90 days. */
  private static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");

  @TempDir Path dir;
  private final RecordedPagerDuty pagerDuty = new RecordedPagerDuty();
  private final ImportRun command = new ImportRun(NOW);

  @AfterEach
  void stop() {
    pagerDuty.close();
  }

  @Test
  void theImportedFileLoadsAndVerifiesAgainstPagerDutysOwnRendering() throws Exception {
    pagerDuty.script(
        "/users", new MockResponse(429, Headers.of("Retry-After", "7"), "{\"error\":{}}"));
    Path file = dir.resolve("oncall.yaml");

    int exit =
        command.run(
            "pagerduty",
            "--url",
            pagerDuty.url(),
            "--token",
            RecordedPagerDuty.TOKEN,
            "--out",
            file.toString(),
            "--verify");

    assertThat(exit).as(command.err()).isEqualTo(ImportCommand.WRITTEN);
    assertThat(command.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(command.out())
        .contains(
            "Imported from PagerDuty: 7 people, 8 contacts, 7 notification rules, 3 schedules"
                + " (6 rotations, 1 overrides), 2 escalation policies, 2 routes")
        .contains("Platform Primary".toLowerCase().replace(' ', '-') + ": 672 of 672 hours match")
        .contains("india-support: 672 of 672 hours match")
        .contains("nyc-nights: 672 of 672 hours match");
    for (RecordedRequest request : pagerDuty.requests()) {
      assertThat(request.getHeaders().get("Authorization"))
          .isEqualTo("Token token=" + RecordedPagerDuty.TOKEN);
      assertThat(request.getHeaders().get("Accept"))
          .isEqualTo("application/vnd.pagerduty+json;version=2");
    }
    assertThat(command.out()).doesNotContain(RecordedPagerDuty.TOKEN);

    OnCall loaded = ImportRun.load(file);
    assertThat(loaded.people().keySet())
        .containsExactlyInAnyOrder("ana", "ben", "cai", "dan-dorsey", "ana-2", "priya", "raj");
    assertThat(loaded.schedules().keySet())
        .containsExactlyInAnyOrder("platform-primary", "india-support", "nyc-nights");
    assertThat(Files.readString(file))
        .startsWith("# Imported from PagerDuty (" + pagerDuty.url() + ") at " + NOW)
        .contains("# PagerDuty service 'Checkout API' (PSV0001): routed by the label");
  }

  @Test
  void everyScheduleMatchesPagerDutyHourByHourForNinetyDays() throws Exception {
    PagerDutyImport pagerDutyImport = importer();
    Imported imported = pagerDutyImport.read(NOW);
    Instant to = NOW.plus(Duration.ofDays(90));
    for (Map.Entry<String, String> schedule : imported.vendorScheduleIds().entrySet()) {
      RotaCheck.Result result =
          RotaCheck.compare(
              imported.oncall().schedules().get(schedule.getKey()),
              pagerDutyImport.rendered(schedule.getValue(), NOW, to),
              "PagerDuty",
              NOW,
              to);
      assertThat(result.line()).isEqualTo(schedule.getKey() + ": 2160 of 2160 hours match");
    }
  }

  @Test
  void contactsRulesDelaysAndRepeatsComeAcrossExactly() throws Exception {
    Imported imported = importer().read(NOW);
    OnCall oncall = imported.oncall();

    Person ana = oncall.people().get("ana");
    assertThat(ana.name()).isEqualTo("Ana Alvarez");
    assertThat(ana.contacts())
        .extracting(contact -> contact.id() + " " + contact.channel())
        .containsExactly("voice voice", "sms sms", "email email");
    assertThat(ana.rules().high())
        .containsExactly(
            new NotificationRule("sms", Duration.ZERO),
            new NotificationRule("voice", Duration.ofMinutes(5)));
    assertThat(ana.rules().low()).containsExactly(new NotificationRule("email", Duration.ZERO));
    assertThat(ana.pagesFor(Urgency.LOW)).hasSize(1);
    assertThat(oncall.people().get("dan-dorsey").rules().high())
        .containsExactly(
            new NotificationRule("voice", Duration.ZERO),
            new NotificationRule("voice", Duration.ofMinutes(10)));
    assertThat(oncall.people().get("cai").contacts())
        .extracting(ContactMethod::contact)
        .extracting(Object::toString)
        .containsExactly("PhoneContact[type=SMS, to=+12125550143]");

    EscalationPolicy platform = oncall.policies().get("platform");
    assertThat(platform.steps())
        .extracting(step -> step.targets() + " after " + step.escalateAfter())
        .containsExactly(
            "[schedule:platform-primary] after PT5M",
            "[person:dan-dorsey, person:ben] after PT10M");
    assertThat(platform.repeat()).isEqualTo(2);
    EscalationPolicy india = oncall.policies().get("india-nights");
    assertThat(india.steps()).hasSize(1);
    assertThat(india.steps().get(0).escalateAfter()).isEqualTo(Duration.ofMinutes(15));
    assertThat(oncall.routes())
        .extracting(route -> route.matchers().get(0).text() + " -> " + route.policy())
        .containsExactly(
            "service=\"checkout-api\" -> platform", "service=\"payments\" -> india-nights");

    assertThat(imported.report().skipped())
        .extracting(item -> item.what() + " " + item.vendorId())
        .containsExactlyInAnyOrder(
            "contact PCM0004",
            "notification rule PNR0001",
            "schedule layer PNYC003/PL00022",
            "schedule layer PNYC003/PL00023",
            "escalation target PEP0002/PGONE99",
            "escalation rule PEP0002/PER0011",
            "service PSV0003");
    assertThat(imported.report().skipped().get(0).why())
        .isEqualTo(
            "Ana Alvarez's push notification contact: Firebell has no app; add ntfy or"
                + " Pushover");
  }

  @Test
  void aScheduleThatDiffersFromPagerDutysRenderingExitsThree() throws Exception {
    String detail = RecordedPagerDuty.resource("schedule-PSUN001.json");
    ObjectNode answer = (ObjectNode) Json.mapper().readTree(detail);
    ObjectNode entry =
        ((ObjectNode) answer.path("schedule").path("final_schedule"))
            .putArray("rendered_schedule_entries")
            .addObject();
    entry.put("start", "2027-03-01T00:00:00Z").put("end", "2027-04-01T00:00:00Z");
    entry.putObject("user").put("id", "PBEN002");
    String onlyBen = Json.mapper().writeValueAsString(answer);
    pagerDuty.script(
        "/schedules/PSUN001",
        new MockResponse(200, Headers.of(), detail),
        new MockResponse(200, Headers.of(), onlyBen));
    Path file = dir.resolve("oncall.yaml");

    int exit =
        command.run(
            "pagerduty",
            "--url",
            pagerDuty.url(),
            "--token",
            "t",
            "--out",
            file.toString(),
            "--verify");

    assertThat(exit).as(command.err()).isEqualTo(ImportCommand.DIFFERS);
    assertThat(command.out())
        .contains(
            "platform-primary: 256 of 672 hours match; first differences:"
                + " 2027-03-01T08:00:00Z Firebell cai, PagerDuty ben;")
        .contains("india-support: 672 of 672 hours match");
    assertThat(file).exists();
  }

  @Test
  void aRefusedTokenEndsWithOneLineAndNoFile() {
    pagerDuty.script("/users", new MockResponse(401, Headers.of(), "{\"error\":{\"code\":2006}}"));
    Path file = dir.resolve("oncall.yaml");
    int exit =
        command.run(
            "pagerduty", "--url", pagerDuty.url(), "--token", "wrong", "--out", file.toString());
    assertThat(exit).isEqualTo(ImportCommand.FAILED);
    assertThat(command.err().strip())
        .isEqualTo("firebell import: 401 Client Error from " + pagerDuty.url() + "users");
    assertThat(file).doesNotExist();
  }

  @Test
  void aServerFailingEveryTryEndsAfterThreeTries() {
    MockResponse failure = new MockResponse(500, Headers.of(), "oops");
    pagerDuty.script("/users", failure, failure, failure);
    Path file = dir.resolve("oncall.yaml");
    int exit =
        command.run(
            "pagerduty", "--url", pagerDuty.url(), "--token", "t", "--out", file.toString());
    assertThat(exit).isEqualTo(ImportCommand.FAILED);
    assertThat(command.err().strip())
        .startsWith("firebell import: 500 ")
        .endsWith(" from " + pagerDuty.url() + "users");
    assertThat(pagerDuty.requests()).hasSize(3);
    assertThat(command.waits).hasSize(2);
    assertThat(file).doesNotExist();
  }

  @Test
  void aTruncatedAnswerEndsWithOneLineAndNoFile() {
    String users = RecordedPagerDuty.resource("users-0.json");
    pagerDuty.script(
        "/users", new MockResponse(200, Headers.of(), users.substring(0, users.length() / 2)));
    Path file = dir.resolve("oncall.yaml");
    int exit =
        command.run(
            "pagerduty", "--url", pagerDuty.url(), "--token", "t", "--out", file.toString());
    assertThat(exit).isEqualTo(ImportCommand.FAILED);
    assertThat(command.err().strip())
        .startsWith(
            "firebell import: an answer that is not JSON from " + pagerDuty.url() + "users: ");
    assertThat(command.err().lines()).hasSize(1);
    assertThat(file).doesNotExist();
  }

  @Test
  void anUnreachableUrlEndsWithOneLine() {
    int exit =
        command.run(
            "pagerduty",
            "--url",
            "http://127.0.0.1:1",
            "--token",
            "t",
            "--out",
            dir.resolve("x.yaml").toString());
    assertThat(exit).isEqualTo(ImportCommand.FAILED);
    assertThat(command.err().strip())
        .startsWith("firebell import: could not reach http://127.0.0.1:1/users");
  }

  @Test
  void wrongArgumentsPrintTheUsage() {
    assertThat(command.run()).isEqualTo(ImportCommand.USAGE);
    assertThat(command.err()).contains("usage: firebell import <pagerduty|opsgenie|oncall>");
    assertThat(command.run("splunk", "--url", "x")).isEqualTo(ImportCommand.USAGE);
    assertThat(command.run("pagerduty", "--url", pagerDuty.url(), "--token", "t"))
        .isEqualTo(ImportCommand.USAGE);
    assertThat(command.err()).contains("--out is required");
    assertThat(command.run("pagerduty", "--url", pagerDuty.url(), "--out", "x.yaml"))
        .isEqualTo(ImportCommand.USAGE);
    assertThat(command.err()).contains("--token (or FIREBELL_IMPORT_TOKEN) is required");
  }

  private PagerDutyImport importer() throws Exception {
    return new PagerDutyImport(
        new VendorHttp(
            new OkHttpClient(),
            pagerDuty.url(),
            PagerDutyImport.headers(RecordedPagerDuty.TOKEN),
            Json.mapper(),
            command.waits::add));
  }
}
