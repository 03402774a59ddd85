package dev.firebell.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchGuardTest {
  private static final Map<String, Double> CPU =
      Map.of("ceiling", 70.0, "H2 new groups", 1_400.0, "H2 repeats", 90.0);
  private static final Map<String, Double> MEASURED =
      Map.of("H2.peakRssMib", 300.0, "H2.restartMillis", 1_800.0, "H2.receiptToPageP99", 20.0);

  @Test
  void cpuIsComparedAsARatioToTheSameRunsCeilingAndTheRestAsMeasured() {
    Map<String, BenchGuard.Figure> figures = BenchGuard.figures(CPU, MEASURED);
    assertThat(figures.get("H2 new groups CPU").compared()).isEqualTo(20.0);
    assertThat(figures.get("H2 new groups CPU").goalMet()).isFalse();
    assertThat(figures.get("H2 repeats CPU").goalMet()).isTrue();
    assertThat(figures.get("H2.peakRssMib").compared()).isEqualTo(300.0);
    assertThat(figures).doesNotContainKey("H2.restartWithClassCacheMillis");
  }

  @Test
  void aFigureMoreThanAQuarterWorseThanTheBaselineIsARegression() {
    Map<String, BenchGuard.Figure> figures = BenchGuard.figures(CPU, MEASURED);
    assertThat(BenchGuard.regressions(figures, BenchGuard.baselineOf(figures))).isEmpty();
    assertThat(BenchGuard.regressions(figures, Map.of("H2 new groups CPU", 16.1))).isEmpty();
    assertThat(BenchGuard.regressions(figures, Map.of("H2 new groups CPU", 15.9)))
        .singleElement()
        .asString()
        .startsWith("H2 new groups CPU: 20.00 against a baseline of 15.90 (26% worse");
    assertThat(BenchGuard.regressions(figures, Map.of("H2.peakRssMib", 200.0))).hasSize(1);
    // A faster machine makes the ceiling cheaper too: the same ratio is no regression.
    Map<String, BenchGuard.Figure> faster =
        BenchGuard.figures(
            Map.of("ceiling", 35.0, "H2 new groups", 700.0, "H2 repeats", 45.0), MEASURED);
    assertThat(BenchGuard.regressions(faster, BenchGuard.baselineOf(figures))).isEmpty();
  }
}
