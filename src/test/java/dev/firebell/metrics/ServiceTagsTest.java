package dev.firebell.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The service tag keeps the first 50 services; later ones count as "other". */
class ServiceTagsTest {
  @Test
  void theFirstServicesKeepTheirOwnTagAndLaterOnesAreOther() {
    ServiceTags tags = new ServiceTags();
    for (int i = 0; i < ServiceTags.MAX_SERVICES; i++) {
      assertThat(tags.tagFor("service-" + i)).isEqualTo("service-" + i);
    }
    assertThat(tags.tagFor("one-too-many")).isEqualTo(ServiceTags.OTHER);
    assertThat(tags.tagFor("service-7")).as("a known service stays itself").isEqualTo("service-7");
  }
}
