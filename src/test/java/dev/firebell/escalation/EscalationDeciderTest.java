package dev.firebell.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.config.Urgency;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Route;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.Target;
import dev.firebell.oncall.contact.ContactMethod;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.oncall.contact.NotificationRule;
import dev.firebell.oncall.contact.NotificationRules;
import dev.firebell.oncall.contact.SlackContact;
import dev.firebell.oncall.contact.UrlContact;
import dev.firebell.paging.PagingSetup;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The escalation rules of the README, at fixed times, without a database. */
class EscalationDeciderTest {
  private static final Instant NOW = Instant.parse("2026-11-28T16:10:00Z");
  private static final UrlContact WEBHOOK =
      new UrlContact(ContactType.WEBHOOK, "https://hooks.example/t");
  private static final SlackContact SLACK = new SlackContact("https://hooks.slack.example", null);

  /** The paging tests' team: Tessa on the primary schedule (step 1, 5 min), then Sam (10 min). */
  private static final OnCall ONCALL = PagingSetup.team(List.of(WEBHOOK, SLACK), List.of(WEBHOOK));

  private static final EscalationPolicy POLICY = ONCALL.policies().get("default");

  @Test
  void theFirstStepPagesEveryContactOfWhoeverIsOnCallAndComesBackAfterItsDelay() {
    var step = (EscalationDecider.RunStep) decide(0, POLICY, Optional.empty(), ONCALL);
    assertThat(step.pages())
        .containsExactly(
            new EscalationDecider.Page("tessa", "webhook", "webhook", Duration.ZERO),
            new EscalationDecider.Page("tessa", "slack", "slack", Duration.ZERO));
    assertThat(step.nextAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    assertThat(step.escalatedText()).isNull();
    assertThat(step.text()).startsWith("Paged Tessa (webhook, slack): Step 1 of 2");
  }

  @Test
  void theSecondStepSaysTheFirstWasNotAcknowledgedInTime() {
    var step = (EscalationDecider.RunStep) decide(1, POLICY, Optional.empty(), ONCALL);
    assertThat(step.escalatedText())
        .isEqualTo("Not acknowledged within 5m: escalated to step 2 of 2");
    assertThat(step.pages()).extracting(EscalationDecider.Page::personId).containsOnly("sam");
    assertThat(step.nextAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
  }

  @Test
  void aRepeatRunsTheStepsAgainAndThenTheEscalationIsExhausted() {
    var repeat = (EscalationDecider.RunStep) decide(2, POLICY, Optional.empty(), ONCALL);
    assertThat(repeat.name()).isEqualTo("Step 1 of 2 (repeat 1)");
    assertThat(decide(4, POLICY, Optional.empty(), ONCALL))
        .isEqualTo(
            new EscalationDecider.Exhausted(
                "Escalation exhausted: nobody acknowledged after every step of policy 'default'"
                    + " and 1 repeat(s)"));
  }

  @Test
  void aPolicyThatIsNoLongerConfiguredEndsTheEscalation() {
    assertThat(decide(0, null, Optional.empty(), ONCALL))
        .isEqualTo(
            new EscalationDecider.Exhausted(
                "Escalation ended: policy 'default' is no longer configured"));
  }

  @Test
  void aMaintenanceWindowThatBeganStopsTheEscalationWithoutPaging() {
    MaintenanceWindow window =
        new MaintenanceWindow(
            1L,
            Map.of("service", "pizza"),
            NOW.minusSeconds(60),
            NOW.plusSeconds(3600),
            "deploy",
            null);
    assertThat(decide(1, POLICY, Optional.of(window), ONCALL))
        .isEqualTo(new EscalationDecider.Paused("Escalation stopped: maintenance began (deploy)"));
  }

  @Test
  void nobodyOnCallIsSaidAndTheStepStillComesBack() {
    var step = (EscalationDecider.NobodyOnCall) decide(0, POLICY, Optional.empty(), oncall());
    assertThat(step.text()).startsWith("Step 1 of 2: nobody is on call for ");
    assertThat(step.nextAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void aPersonOnTwoTargetsOfOneStepIsPagedOnce() {
    EscalationPolicy both =
        new EscalationPolicy(
            "default",
            List.of(
                new EscalationStep(
                    List.of(
                        new Target(Target.Kind.SCHEDULE, "primary"),
                        new Target(Target.Kind.PERSON, "tessa")),
                    Duration.ofMinutes(5))),
            0);
    var step = (EscalationDecider.RunStep) decide(0, both, Optional.empty(), ONCALL);
    assertThat(step.pages()).extracting(EscalationDecider.Page::personId).containsOnly("tessa");
    assertThat(step.pages()).hasSize(2);
  }

  @Test
  void aPersonWithoutContactsIsNamedButNothingIsQueued() {
    OnCall noContacts = PagingSetup.team(List.of(), List.of(WEBHOOK));
    var step =
        (EscalationDecider.NobodyOnCall)
            decide(0, noContacts.policies().get("default"), Optional.empty(), noContacts);
    assertThat(step.text()).startsWith("Paged Tessa (no contacts): Step 1 of 2");
  }

  @Test
  void aPolicyWithoutRepeatsIsExhaustedAfterItsLastStep() {
    EscalationPolicy once = new EscalationPolicy("default", POLICY.steps(), 0);
    assertThat(decide(1, once, Optional.empty(), ONCALL))
        .isInstanceOf(EscalationDecider.RunStep.class);
    assertThat(decide(2, once, Optional.empty(), ONCALL))
        .isEqualTo(
            new EscalationDecider.Exhausted(
                "Escalation exhausted: nobody acknowledged after every step of policy 'default'"));
  }

  @Test
  void theRepeatEscalatesFromTheLastStepWithItsDelay() {
    var repeat = (EscalationDecider.RunStep) decide(2, POLICY, Optional.empty(), ONCALL);
    assertThat(repeat.escalatedText())
        .isEqualTo("Not acknowledged within 10m: escalated to step 1 of 2 (repeat 1)");
    assertThat(repeat.pages()).extracting(EscalationDecider.Page::personId).containsOnly("tessa");
    assertThat(repeat.nextAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void anExhaustedPolicyIsExhaustedEvenInMaintenance() {
    assertThat(decide(4, POLICY, Optional.of(window()), ONCALL))
        .isInstanceOf(EscalationDecider.Exhausted.class);
  }

  @Test
  void whoIsOnCallIsAskedAtTheStepsOwnTime() {
    // The rotation hands off weekly at Monday 09:00 Denver time; before its start nobody is on.
    Instant beforeTheRotation = Instant.parse("2026-01-01T00:00:00Z");
    Escalation escalation =
        new Escalation(
            42,
            "default",
            EscalationState.ACTIVE,
            0,
            beforeTheRotation,
            IncidentStatus.TRIGGERED,
            0);
    var step =
        (EscalationDecider.NobodyOnCall)
            EscalationDecider.decide(
                escalation, POLICY, Urgency.HIGH, Optional.empty(), ONCALL, beforeTheRotation);
    assertThat(step.text()).isEqualTo("Step 1 of 2: nobody is on call for schedule:primary");
  }

  @Test
  void stepNamesCountRepeats() {
    assertThat(EscalationDecider.stepName(POLICY, 0)).isEqualTo("Step 1 of 2");
    assertThat(EscalationDecider.stepName(POLICY, 3)).isEqualTo("Step 2 of 2 (repeat 1)");
  }

  @Test
  void aNewIncidentInAMaintenanceWindowIsRecordedAndNobodyIsPaged() {
    EscalationDecider.Beginning beginning =
        EscalationDecider.begin(7, Map.of(), Urgency.HIGH, Optional.of(window()), ONCALL, NOW);
    assertThat(beginning.policyId()).isEmpty();
    assertThat(beginning.decision())
        .isEqualTo(
            new EscalationDecider.InMaintenance("In maintenance (deploy): recorded, nobody paged"));
  }

  @Test
  void aNewIncidentNoRouteMatchesIsNotPaged() {
    OnCall onlyDatabases =
        new OnCall(
            ONCALL.people(),
            ONCALL.schedules(),
            ONCALL.policies(),
            List.of(new Route(Map.of("team", "databases"), "default")),
            List.of());
    EscalationDecider.Beginning beginning =
        EscalationDecider.begin(
            7, Map.of("team", "web"), Urgency.HIGH, Optional.empty(), onlyDatabases, NOW);
    assertThat(beginning.decision())
        .isEqualTo(
            new EscalationDecider.Unrouted(
                "No route matched the incident's labels: nobody was paged"));
  }

  @Test
  void aNewIncidentRunsTheFirstStepOfThePolicyItsLabelsRouteTo() {
    EscalationDecider.Beginning beginning =
        EscalationDecider.begin(
            7, Map.of("team", "web"), Urgency.HIGH, Optional.empty(), ONCALL, NOW);
    assertThat(beginning.policyId()).isEqualTo("default");
    var step = (EscalationDecider.RunStep) beginning.decision();
    assertThat(step.step()).isZero();
    assertThat(step.escalatedText()).isNull();
    assertThat(step.pages()).extracting(EscalationDecider.Page::personId).containsOnly("tessa");
  }

  @Test
  void notificationRulesHoldBackContactsUntilTheirDelayAndTheTimelineSaysWhatIsToCome() {
    OnCall withRules = withTessasRules(RULES);
    var step =
        (EscalationDecider.RunStep)
            EscalationDecider.decide(
                first(), POLICY, Urgency.HIGH, Optional.empty(), withRules, NOW);
    assertThat(step.pages())
        .containsExactly(
            new EscalationDecider.Page("tessa", "push", "webhook", Duration.ZERO),
            new EscalationDecider.Page("tessa", "slack", "slack", Duration.ofMinutes(2)),
            new EscalationDecider.Page("tessa", "push", "webhook", Duration.ofMinutes(5)));
    assertThat(step.text())
        .startsWith("Paged Tessa (push (webhook); slack in 2m, push (webhook) in 5m): Step 1 of 2");
  }

  @Test
  void lowUrgencyFollowsTheLowRulesAndFallsBackToHighWithoutThem() {
    var low =
        (EscalationDecider.RunStep)
            EscalationDecider.decide(
                first(), POLICY, Urgency.LOW, Optional.empty(), withTessasRules(RULES), NOW);
    assertThat(low.pages())
        .containsExactly(new EscalationDecider.Page("tessa", "push", "webhook", Duration.ZERO));

    NotificationRules onlyHigh = new NotificationRules(RULES.high(), List.of());
    var fallback =
        (EscalationDecider.RunStep)
            EscalationDecider.decide(
                first(), POLICY, Urgency.LOW, Optional.empty(), withTessasRules(onlyHigh), NOW);
    assertThat(fallback.pages()).hasSize(3);
  }

  @Test
  void aRouteUrgencyChoosesTheRulesOfTheFirstStep() {
    OnCall lowRoute =
        new OnCall(
            withTessasRules(RULES).people(),
            ONCALL.schedules(),
            ONCALL.policies(),
            List.of(new Route(Map.of(), List.of(), Urgency.LOW, "default")),
            List.of());
    EscalationDecider.Beginning beginning =
        EscalationDecider.begin(7, Map.of(), Urgency.HIGH, Optional.empty(), lowRoute, NOW);
    assertThat(beginning.urgency()).isEqualTo(Urgency.LOW);
    assertThat(((EscalationDecider.RunStep) beginning.decision()).pages()).hasSize(1);
  }

  /** Push at once and again after 5 minutes, Slack after 2; low urgency: push only. */
  private static final NotificationRules RULES =
      new NotificationRules(
          List.of(
              new NotificationRule("push", Duration.ZERO),
              new NotificationRule("slack", Duration.ofMinutes(2)),
              new NotificationRule("push", Duration.ofMinutes(5))),
          List.of(new NotificationRule("push", Duration.ZERO)));

  private static OnCall withTessasRules(NotificationRules rules) {
    Map<String, Person> people = new java.util.HashMap<>(ONCALL.people());
    people.put(
        "tessa",
        new Person(
            "tessa",
            "Tessa",
            List.of(new ContactMethod("push", WEBHOOK), new ContactMethod("slack", SLACK)),
            rules,
            null));
    return new OnCall(
        Map.copyOf(people), ONCALL.schedules(), ONCALL.policies(), ONCALL.routes(), List.of());
  }

  private static Escalation first() {
    return new Escalation(
        42, "default", EscalationState.ACTIVE, 0, NOW, IncidentStatus.TRIGGERED, 0);
  }

  private static MaintenanceWindow window() {
    return new MaintenanceWindow(
        1L, Map.of(), NOW.minusSeconds(60), NOW.plusSeconds(3600), "deploy", null);
  }

  private static EscalationDecider.Decision decide(
      int step, EscalationPolicy policy, Optional<MaintenanceWindow> window, OnCall oncall) {
    Escalation escalation =
        new Escalation(
            42, "default", EscalationState.ACTIVE, step, NOW, IncidentStatus.TRIGGERED, 0);
    return EscalationDecider.decide(escalation, policy, Urgency.HIGH, window, oncall, NOW);
  }

  /** The same team with nobody on the primary schedule. */
  private static OnCall oncall() {
    Schedule empty = new Schedule("primary", ZoneId.of("UTC"), List.of(), List.of());
    return new OnCall(
        ONCALL.people(), Map.of("primary", empty), ONCALL.policies(), ONCALL.routes(), List.of());
  }
}
