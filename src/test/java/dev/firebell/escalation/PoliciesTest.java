package dev.firebell.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.Declaration;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Target;
import dev.firebell.paging.PagingSetup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy an escalation runs, configured or the one step of a declared incident. */
class PoliciesTest {
  private static final OnCall ONCALL =
      PagingSetup.team(List.of(PagingSetup.webhook("https://hooks.example/t")), List.of());

  @Test
  void aConfiguredPolicyIsFoundByItsId() {
    assertThat(Policies.find(ONCALL, "default")).isSameAs(ONCALL.policies().get("default"));
  }

  @Test
  void aDeclaredPersonOrScheduleIsOneStepOfItsOwn() {
    EscalationPolicy person = Policies.forDeclared(ONCALL, target(Declaration.Kind.PERSON, "sam"));
    assertThat(person.id()).isEqualTo("person:sam");
    assertThat(person.totalSteps()).isEqualTo(1);
    assertThat(person.step(0).targets()).containsExactly(new Target(Target.Kind.PERSON, "sam"));
    assertThat(person.step(0).escalateAfter()).isEqualTo(Policies.DECLARED_STEP);
    // A later step finds the same policy again by the id its escalation keeps.
    assertThat(Policies.find(ONCALL, "person:sam")).isEqualTo(person);
    assertThat(Policies.find(ONCALL, "schedule:primary").step(0).targets())
        .containsExactly(new Target(Target.Kind.SCHEDULE, "primary"));
  }

  @Test
  void aDeclaredPolicyIsTheConfiguredOne() {
    assertThat(Policies.forDeclared(ONCALL, target(Declaration.Kind.POLICY, "default")))
        .isSameAs(ONCALL.policies().get("default"));
  }

  @Test
  void whatTheRotaNoLongerHasIsNotFound() {
    assertThat(Policies.find(ONCALL, "person:left")).isNull();
    assertThat(Policies.find(ONCALL, "schedule:gone")).isNull();
    assertThat(Policies.find(ONCALL, "gone")).isNull();
  }

  private static Declaration.Target target(Declaration.Kind kind, String id) {
    return new Declaration.Target(kind, id);
  }
}
