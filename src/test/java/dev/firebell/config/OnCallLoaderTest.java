package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallWarnings;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.ShiftWindow;
import dev.firebell.oncall.contact.ContactMethod;
import dev.firebell.oncall.contact.GatewayContact;
import dev.firebell.oncall.contact.NotificationRule;
import dev.firebell.oncall.contact.SlackContact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnCallLoaderTest {
  private static final String VALID =
      """
      people:
        - id: tessa
          name: Tessa
          contacts: [{ type: webhook, url: "http://localhost:1/hook" }]
        - id: sam
          contacts: [{ type: ntfy, url: "https://ntfy.sh", topic: pages }]
      schedules:
        - id: primary
          timeZone: America/Denver
          rotations: [{ start: "2026-01-05T09:00", every: 1w, people: [tessa, sam] }]
      escalationPolicies:
        - id: default
          steps:
            - { targets: ["schedule:primary"], escalateAfter: 5m }
            - { targets: ["person:sam"], escalateAfter: 10m }
          repeat: 1
      routes:
        - { match: { service: pizza-factory }, policy: default }
        - { policy: default }
      """;

  @TempDir Path dir;

  @Test
  void theSampleOnCallFileLoadsAsIs() {
    ConfigLoader loader = new ConfigLoader(Map.of());
    OnCall oncall =
        loader.loadOnCall(
            loader.load(Path.of("config/firebell.yaml")), Path.of("config/firebell.yaml"));

    assertThat(oncall.people()).containsKeys("tessa", "sam");
    assertThat(oncall.policies().get("default").totalSteps()).isEqualTo(4);
    assertThat(oncall.policyFor(Map.of("service", "pizza-factory"))).isPresent();
    assertThat(OnCallWarnings.of(oncall, Instant.parse("2026-11-28T16:00:00Z"))).isEmpty();
  }

  @Test
  void aValidFileResolvesRoutesAndNames() throws IOException {
    OnCall oncall = load(VALID);
    assertThat(oncall.person("sam").orElseThrow().name()).isEqualTo("sam");
    assertThat(oncall.policyFor(Map.of("service", "other")).orElseThrow().id())
        .isEqualTo("default");
  }

  @Test
  void referencesAndValuesAreChecked() throws IOException {
    assertProblem(
        VALID.replace("people: [tessa, sam]", "people: [tessa, bob]"),
        "schedules[0].rotations[0].people[1]: unknown person 'bob'");
    assertProblem(
        VALID.replace("schedule:primary", "schedule:secondary"),
        "escalationPolicies[0].steps[0].targets[0]: unknown schedule 'secondary'");
    assertProblem(
        VALID.replace("person:sam", "team:sam"),
        "escalationPolicies[0].steps[1].targets[0]: 'team:sam' must be schedule:<id> or person:<id>");
    assertProblem(
        VALID.replace("{ policy: default }", "{ policy: nightly }"),
        "routes[1].policy: unknown escalation policy 'nightly'");
    assertProblem(
        VALID.replace("America/Denver", "Mars/Olympus"),
        "schedules[0].timeZone: 'Mars/Olympus' is not a time zone");
    assertProblem(
        VALID.replace("every: 1w", "every: weekly"),
        "schedules[0].rotations[0].every: 'weekly' is not a duration");
    assertProblem(
        VALID.replace("escalateAfter: 5m", "escalateAfter: 5"),
        "escalationPolicies[0].steps[0].escalateAfter: '5' is not a duration");
    assertProblem(VALID.replace(", topic: pages", ""), "people[1].contacts[0].topic: is required");
    assertProblem(
        VALID.replace("type: webhook, url: \"http://localhost:1/hook\"", "type: webhook"),
        "people[0].contacts[0].url: is required");
    assertProblem(
        VALID.replace("type: webhook", "type: pager"),
        "people[0].contacts[0].type: unknown contact type 'pager'");
  }

  @Test
  void aPolicyNeedsSteps() throws IOException {
    String noSteps =
        VALID.substring(0, VALID.indexOf("  - id: default"))
            + "  - id: default\n    steps: []\nroutes:\n  - { policy: default }\n";
    assertProblem(noSteps, "escalationPolicies[0].steps: a policy needs at least one step");
  }

  @Test
  void anHttpGatewaysTemplateIsCompiledAtStartUp() throws IOException {
    String gateway =
        VALID.replace(
            "contacts: [{ type: webhook, url: \"http://localhost:1/hook\" }]",
            "contacts: [{ type: http, url: \"http://localhost:1/sms\", headers: { X-Key: k },"
                + " body: 'BODY' }]");
    OnCall oncall = load(gateway.replace("BODY", "{\"text\": \"{{headline}}\"}"));
    assertThat(gateway(oncall).method()).isEqualTo("POST");
    assertThat(gateway(oncall).contentType()).isEqualTo("application/json");
    assertThat(gateway(oncall).headers()).containsEntry("X-Key", "k");
    assertProblem(
        gateway.replace("BODY", "{{#alerts}}"),
        "people[0].contacts[0].body: the template does not parse");
    assertProblem(
        gateway.replace("BODY", "x").replace("type: http,", "type: http, method: DELETE,"),
        "people[0].contacts[0].method: 'DELETE' is not one of [POST, PUT, PATCH]");
    assertProblem(gateway.replace(", body: 'BODY'", ""), "people[0].contacts[0].body: is required");
  }

  @Test
  void aPushoverContactNeedsAUserKeyAndTheToken() throws IOException {
    String pushover =
        VALID.replace(
            "contacts: [{ type: webhook, url: \"http://localhost:1/hook\" }]",
            "contacts: [{ type: pushover, userKey: KEY }]");
    assertProblem(
        pushover.replace("KEY", "short"),
        "people[0].contacts[0].userKey: a Pushover user key is 30 letters and digits");
    assertProblem(
        pushover.replace("KEY", "uQiRzpo4DXghDmr9QzzfQu27cmVRsG"),
        "people[0].contacts[0]: pushover contacts need the pushover: section");
  }

  @Test
  void anAckTimeoutIsReadAndChecked() throws IOException {
    String withTimeout = VALID.replace("    repeat: 1\n", "    repeat: 1\n    ackTimeout: 30m\n");
    assertThat(load(withTimeout).policies().get("default").ackTimeout())
        .isEqualTo(java.time.Duration.ofMinutes(30));
    assertThat(load(VALID).policies().get("default").ackTimeout()).isNull();
    assertProblem(
        VALID.replace("    repeat: 1\n", "    repeat: 1\n    ackTimeout: 30s\n"),
        "escalationPolicies[0].ackTimeout: must be at least 1m");
    assertProblem(
        VALID.replace("    repeat: 1\n", "    repeat: 1\n    ackTimeout: soon\n"),
        "escalationPolicies[0].ackTimeout: ");
  }

  @Test
  void emailAndSmsNeedTheirServers() throws IOException {
    assertProblem(
        VALID.replace(
            "type: webhook, url: \"http://localhost:1/hook\"",
            "type: email, to: tessa@example.com"),
        "people[0].contacts[0]: email contacts need the smtp: section");
    assertProblem(
        VALID.replace(
            "type: webhook, url: \"http://localhost:1/hook\"", "type: sms, to: \"+15551234567\""),
        "people[0].contacts[0]: sms contacts need the twilio: section");
  }

  @Test
  void gapsAndUnreachablePeopleAreWarnings() throws IOException {
    OnCall oncall =
        load(
            VALID
                .replace(
                    "contacts: [{ type: ntfy, url: \"https://ntfy.sh\", topic: pages }]",
                    "contacts: []")
                .replace("2026-01-05T09:00", "2026-12-01T09:00"));
    assertThat(OnCallWarnings.of(oncall, Instant.parse("2026-11-28T16:00:00Z")))
        .anySatisfy(w -> assertThat(w).contains("person 'sam' has no contacts"))
        .anySatisfy(w -> assertThat(w).contains("schedule 'primary' has nobody on call"));
  }

  private OnCall load(String yaml) throws IOException {
    Path oncallFile = dir.resolve("oncall.yaml");
    Files.writeString(oncallFile, yaml);
    FirebellConfig config =
        ConfigBuilder.from(FirebellConfig.defaults())
            .withIngest(IngestConfig.bearer("t"))
            .withOnCall(new OnCallSettings(oncallFile.toString()))
            .build();
    return new ConfigLoader(Map.of()).loadOnCall(config, dir.resolve("firebell.yaml"));
  }

  @Test
  void routesTakeAlertmanagerMatchersBesideMatch() throws IOException {
    OnCall oncall =
        load(
            VALID.replace(
                "- { match: { service: pizza-factory }, policy: default }",
                "- { match: { service: pizza-factory }, matchers: ['severity=~\"critical|high\"',"
                    + " 'env!=staging'], policy: default }"));
    assertThat(
            oncall.routes().get(0).matches(Map.of("service", "pizza-factory", "severity", "high")))
        .isTrue();
    assertThat(
            oncall
                .routes()
                .get(0)
                .matches(Map.of("service", "pizza-factory", "severity", "high", "env", "staging")))
        .isFalse();
  }

  @Test
  void aBadMatcherOrRegularExpressionIsRefusedNamingTheRoute() throws IOException {
    assertProblem(
        VALID.replace("- { policy: default }", "- { matchers: ['env=\"prod'], policy: default }"),
        "routes[1].matchers[0]: matcher value contains unescaped double quote: \"prod");
    assertProblem(
        VALID.replace(
            "- { policy: default }", "- { matchers: ['team=~\"[web\"'], policy: default }"),
        "routes[1].matchers[0]: error parsing regexp");
  }

  @Test
  void aRotationTakesShiftWindowsAPriorityAndAnEnd() throws IOException {
    OnCall oncall =
        load(
            VALID.replace(
                "rotations: [{ start: \"2026-01-05T09:00\", every: 1w, people: [tessa, sam] }]",
                "rotations: [{ start: \"2026-01-05T09:00\", every: 1w, people: [tessa, sam],"
                    + " priority: 2, end: \"2027-01-04T09:00\", restrictions: [{ days: [mon, FRI],"
                    + " from: \"22:00\", to: \"06:00\" }, { from: \"12:00\", to: \"13:00\" }] }]"));
    Rotation rotation = oncall.schedules().get("primary").rotations().get(0);
    assertThat(rotation.priority()).isEqualTo(2);
    assertThat(rotation.end()).isEqualTo(LocalDateTime.parse("2027-01-04T09:00"));
    assertThat(rotation.windows())
        .containsExactly(
            new ShiftWindow(
                Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.parse("22:00"),
                LocalTime.parse("06:00")),
            new ShiftWindow(Set.of(), LocalTime.parse("12:00"), LocalTime.parse("13:00")));
  }

  @Test
  void aBadShiftWindowOrEndIsRefusedNamingIt() throws IOException {
    String rotation =
        "rotations: [{ start: \"2026-01-05T09:00\", every: 1w, people: [tessa, sam] }]";
    assertProblem(
        VALID.replace(
            rotation,
            "rotations: [{ start: \"2026-01-05T09:00\", every: 1w, people: [tessa],"
                + " restrictions: [{ days: [monday], from: \"09:00\", to: \"17:00\" }] }]"),
        "schedules[0].rotations[0].restrictions[0].days[0]: 'monday' is not a day");
    assertProblem(
        VALID.replace(
            rotation,
            "rotations: [{ start: \"2026-01-05T09:00\", every: 1w, people: [tessa],"
                + " restrictions: [{ from: \"9am\", to: \"17:00\" }] }]"),
        "schedules[0].rotations[0].restrictions[0].from: '9am' is not a time of day");
    assertProblem(
        VALID.replace(
            rotation,
            "rotations: [{ start: \"2026-01-05T09:00\", every: 1w, people: [tessa],"
                + " end: \"2026-01-01T00:00\" }]"),
        "schedules[0].rotations[0].end: must be after start");
  }

  @Test
  void aRouteMaySetItsUrgency() throws IOException {
    OnCall oncall =
        load(VALID.replace("- { policy: default }", "- { urgency: LOW, policy: default }"));
    assertThat(oncall.routes().get(1).urgency()).isEqualTo(dev.firebell.config.Urgency.LOW);
    assertProblem(
        VALID.replace("- { policy: default }", "- { urgency: urgent, policy: default }"),
        "routes[1].urgency: 'urgent' is not an urgency (use high or low)");
  }

  /** {@code VALID} with Tessa's contacts (and rules) replaced by {@code lines}. */
  private static String withTessa(String... lines) {
    return VALID.replace(
        "    contacts: [{ type: webhook, url: \"http://localhost:1/hook\" }]\n",
        String.join("\n", lines) + "\n");
  }

  private static final String[] TESSAS_CONTACTS = {
    "    contacts:",
    "      - { id: push, type: webhook, url: \"http://localhost:1/push\" }",
    "      - { type: webhook, url: \"http://localhost:1/a\" }",
    "      - { type: webhook, url: \"http://localhost:1/b\" }"
  };

  private static String withTessasRules(String... rules) {
    List<String> lines = new ArrayList<>(List.of(TESSAS_CONTACTS));
    lines.addAll(List.of(rules));
    return withTessa(lines.toArray(String[]::new));
  }

  @Test
  void contactsHaveTheirOwnIdOrTheirTypeNumberedWhenRepeated() throws IOException {
    OnCall oncall = load(withTessa(TESSAS_CONTACTS));
    assertThat(oncall.people().get("tessa").contacts())
        .extracting(ContactMethod::id)
        .containsExactly("push", "webhook", "webhook-2");
    assertThat(oncall.people().get("tessa").rules().isEmpty()).isTrue();
  }

  @Test
  void notificationRulesNameContactsByIdWithTheirDelays() throws IOException {
    OnCall oncall =
        load(
            withTessasRules(
                "    notify:",
                "      high: [{ contact: push }, { contact: webhook-2, after: 2m }]",
                "      low: [{ contact: push, after: 30s }]"));
    var rules = oncall.people().get("tessa").rules();
    assertThat(rules.high())
        .containsExactly(
            new NotificationRule("push", Duration.ZERO),
            new NotificationRule("webhook-2", Duration.ofMinutes(2)));
    assertThat(rules.low()).containsExactly(new NotificationRule("push", Duration.ofSeconds(30)));
  }

  @Test
  void badContactIdsAndRulesAreRefusedNamingThem() throws IOException {
    assertProblem(
        withTessa(
            "    contacts:",
            "      - { id: \"my phone\", type: webhook, url: \"http://localhost:1/a\" }"),
        "people[0].contacts[0].id: 'my phone' is not a contact id");
    assertProblem(
        withTessa(
            "    contacts:",
            "      - { id: webhook-2, type: webhook, url: \"http://localhost:1/a\" }",
            "      - { type: webhook, url: \"http://localhost:1/b\" }",
            "      - { type: webhook, url: \"http://localhost:1/c\" }"),
        "people[0].contacts[2].id: 'webhook-2' is also the id of people[0].contacts[0]");
    String rules = "      high: %s";
    assertProblem(
        withTessasRules("    notify:", rules.formatted("[{ contact: phone }]")),
        "people[0].notify.high[0].contact: unknown contact 'phone'; this person's contacts are"
            + " push, webhook, webhook-2");
    assertProblem(
        withTessasRules("    notify:", rules.formatted("[]")),
        "people[0].notify.high: needs at least one rule");
    assertProblem(
        withTessasRules(
            "    notify:",
            rules.formatted("[{ contact: push, after: 2m }, { contact: push, after: 2m }]")),
        "people[0].notify.high[1]: the same contact and delay are listed twice");
    assertProblem(
        withTessasRules("    notify:", rules.formatted("[{ contact: push, after: soon }]")),
        "people[0].notify.high[0].after: 'soon' is not a duration");
    assertProblem(
        withTessasRules("    notify:", rules.formatted("[{ contact: push, after: 2d }]")),
        "people[0].notify.high[0].after: must be at most 1d");
    assertProblem(withTessasRules("    notify: {}"), "people[0].notify: needs high, low or both");
  }

  @Test
  void aPersonMayHaveTheTimeZoneTheirPagesShow() throws IOException {
    OnCall oncall = load(withTessa("    timeZone: Europe/Berlin", "    contacts: []"));
    assertThat(oncall.people().get("tessa").timeZone())
        .isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
    assertProblem(
        withTessa("    timeZone: Mars/Olympus", "    contacts: []"),
        "people[0].timeZone: 'Mars/Olympus' is not a time zone");
  }

  @Test
  void slackContactsAndSlackMemberIdsAreCheckedWithTheirKey() throws IOException {
    OnCall oncall =
        load(
            withTessa(
                "    slackUserId: U0TESSA",
                "    contacts: [{ type: slack, url: \"https://hooks.slack.com/services/T/B/x\" }]"));
    Person tessa = oncall.people().get("tessa");
    assertThat(tessa.slackUserId()).isEqualTo("U0TESSA");
    assertThat(tessa.contacts().get(0).contact())
        .isEqualTo(new SlackContact("https://hooks.slack.com/services/T/B/x", null));

    assertProblem(
        withTessa("    contacts: [{ type: slack, channel: C0123ABCD }]"),
        "people[0].contacts[0]: slack contacts with a channel need the slack: section of"
            + " firebell.yaml (botToken)");
    assertProblem(
        withTessa("    contacts: [{ type: slack, channel: \"#incidents\" }]"),
        "people[0].contacts[0].channel: '#incidents' is not a Slack channel or member id");
    assertProblem(
        withTessa(
            "    contacts: [{ type: slack, channel: C0123ABCD, url: \"https://hooks.slack.com/x\" }]"),
        "people[0].contacts[0]: a slack contact has either url (an incoming webhook) or channel");
    assertProblem(
        withTessa("    slackUserId: tessa", "    contacts: []"),
        "people[0].slackUserId: 'tessa' is not a Slack member id");
    assertProblem(
        withTessa("    slackUserId: U0TESSA", "    contacts: []")
            .replace("  - id: sam\n", "  - id: sam\n    slackUserId: U0TESSA\n"),
        "people[1].slackUserId: 'U0TESSA' is already tessa's Slack member id");
  }

  private void assertProblem(String yaml, String expected) throws IOException {
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(dir.resolve("oncall.yaml") + ": " + expected);
  }

  private static GatewayContact gateway(OnCall oncall) {
    return (GatewayContact) oncall.people().get("tessa").contacts().get(0).contact();
  }
}
