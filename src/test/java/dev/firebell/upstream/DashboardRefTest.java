package dev.firebell.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DashboardRefTest {
  @Test
  void theUidComesFromTheDashboardLinkAndThePanelFromViewPanel() {
    assertThat(
            DashboardRef.of(
                "https://play.grafana.org/d/ece9fb32-7f71/memory?orgId=1",
                "https://play.grafana.org/d/ece9fb32-7f71/memory?orgId=1&viewPanel=2"))
        .contains(new DashboardRef("ece9fb32-7f71", 2L));
    assertThat(DashboardRef.of(null, "https://g/d/abc?orgId=1&viewPanel=panel-7"))
        .contains(new DashboardRef("abc", 7L));
    assertThat(DashboardRef.of("https://g/d/abc", null)).contains(new DashboardRef("abc", null));
  }

  @Test
  void anAlertWithoutADashboardGetsAnOrganisationAnnotation() {
    assertThat(DashboardRef.of(null, null)).isEmpty();
    assertThat(DashboardRef.of("https://g/alerting/list", "not a url ::")).isEmpty();
    assertThat(DashboardRef.of("https://g/d/abc", "https://g/d/abc?viewPanel=x"))
        .contains(new DashboardRef("abc", null));
  }
}
