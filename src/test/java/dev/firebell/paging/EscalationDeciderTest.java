package dev.firebell.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.oncall.Contact;
import dev.firebell.oncall.ContactType;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.Route;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The escalation rules of the README, at fixed times, without a database. */
class EscalationDeciderTest {
  private static final Instant NOW = Instant.parse("2026-11-28T16:10:00Z");
  private static final Contact WEBHOOK =
      new Contact(ContactType.WEBHOOK, "https://hooks.example/t", null, null, null);
  private static final Contact SLACK =
      new Contact(ContactType.SLACK, "https://hooks.slack.example", null, null, null);
  private static final EscalationPolicy POLICY =
      new EscalationPolicy(
          "default",
          List.of(
              new EscalationStep(
                  List.of(new Target(Target.Kind.SCHEDULE, "primary")), Duration.ofMinutes(5)),
              new EscalationStep(
                  List.of(new Target(Target.Kind.PERSON, "sam")), Duration.ofMinutes(10))),
          1);
  private static final OnCall ONCALL = oncall("tessa");

  @Test
  void theFirstStepPagesEveryContactOfWhoeverIsOnCallAndComesBackAfterItsDelay() {
    var step = (EscalationDecider.RunStep) decide(0, POLICY, Optional.empty(), ONCALL);
    assertThat(step.pages())
        .containsExactly(
            new EscalationDecider.Page("tessa", 0, "webhook"),
            new EscalationDecider.Page("tessa", 1, "slack"));
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
    var step = (EscalationDecider.RunStep) decide(0, POLICY, Optional.empty(), oncall());
    assertThat(step.pages()).isEmpty();
    assertThat(step.text()).startsWith("Step 1 of 2: nobody is on call for ");
    assertThat(step.nextAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }

  private static EscalationDecider.Decision decide(
      int step, EscalationPolicy policy, Optional<MaintenanceWindow> window, OnCall oncall) {
    Escalation escalation =
        new Escalation(42, "default", Escalation.ACTIVE, step, NOW, "TRIGGERED");
    return EscalationDecider.decide(escalation, policy, window, oncall, NOW);
  }

  /** Tessa and Sam; the primary schedule rotates through {@code onRotation} (none: nobody). */
  private static OnCall oncall(String... onRotation) {
    Person tessa = new Person("tessa", "Tessa", List.of(WEBHOOK, SLACK));
    Person sam = new Person("sam", "Sam", List.of(WEBHOOK));
    Schedule primary =
        new Schedule(
            "primary",
            ZoneId.of("UTC"),
            onRotation.length == 0
                ? List.of()
                : List.of(
                    new Rotation(
                        LocalDateTime.parse("2026-01-05T09:00"),
                        Duration.ofDays(7),
                        List.of(onRotation))),
            List.of());
    return new OnCall(
        Map.of("tessa", tessa, "sam", sam),
        Map.of("primary", primary),
        Map.of("default", POLICY),
        List.of(new Route(Map.of(), "default")),
        List.of());
  }
}
