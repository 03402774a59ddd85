package dev.firebell.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {
  @Test
  void eachRoleMayDoAllThatTheOnesBeforeItMay() {
    assertThat(Role.ADMIN.allows(Role.RESPONDER)).isTrue();
    assertThat(Role.RESPONDER.allows(Role.RESPONDER)).isTrue();
    assertThat(Role.VIEWER.allows(Role.RESPONDER)).isFalse();
    assertThat(Role.RESPONDER.allows(Role.ADMIN)).isFalse();
    assertThat(Role.parse("admin")).contains(Role.ADMIN);
    assertThat(Role.parse("Admin")).isEmpty();
  }

  @Test
  void onlyAnAdminChangesTheRotaForSomeoneElse() {
    assertThat(Role.RESPONDER.mayChangeFor("tessa", "sam", "tessa")).isTrue();
    assertThat(Role.RESPONDER.mayChangeFor("tessa", "sam", null)).isFalse();
    assertThat(Role.RESPONDER.mayChangeFor("tessa")).isFalse();
    assertThat(Role.ADMIN.mayChangeFor("ada", "sam", null)).isTrue();
  }
}
