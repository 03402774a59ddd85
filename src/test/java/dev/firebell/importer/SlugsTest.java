package dev.firebell.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ids an import gives are predictable, so a file can be diffed and imported again. */
class SlugsTest {
  @Test
  void namesBecomeLowercaseWithDashes() {
    Slugs slugs = new Slugs();
    assertThat(slugs.of("Platform Primary", "P1")).isEqualTo("platform-primary");
    assertThat(slugs.of("  India & Nights (old) ", "P2")).isEqualTo("india-nights-old");
    assertThat(slugs.of("Ünïcode ✓", "P3")).isEqualTo("n-code");
    assertThat(slugs.of("✓✓", "PXYZ9")).isEqualTo("pxyz9");
  }

  @Test
  void aTakenIdGetsANumberedSuffix() {
    Slugs slugs = new Slugs();
    assertThat(slugs.of("Primary", "P1")).isEqualTo("primary");
    assertThat(slugs.of("primary", "P2")).isEqualTo("primary-2");
    assertThat(slugs.of("PRIMARY!", "P3")).isEqualTo("primary-3");
  }

  @Test
  void aPersonIsNamedByTheirEmailBeforeTheAt() {
    Slugs slugs = new Slugs();
    assertThat(slugs.ofEmail("Dan.Dorsey@example.com", "Dan", "P1")).isEqualTo("dan-dorsey");
    assertThat(slugs.ofEmail("dan_dorsey@other.org", "Dan", "P2")).isEqualTo("dan-dorsey-2");
    assertThat(slugs.ofEmail(null, "Ann Lee", "P3")).isEqualTo("ann-lee");
  }
}
