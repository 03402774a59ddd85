package dev.firebell.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures the bench guards, each with its goal and the number compared between runs: server CPU
 * as a ratio to the same run's ceiling (these machines are shared and their speed varies), memory,
 * start-up and latency as measured. {@code --check} fails when one is more than {@link #TOLERANCE}
 * worse than {@code bench/baseline.json}; {@code --write-baseline} refreshes that file on purpose.
 */
final class BenchGuard {
  /** How much worse than the baseline a figure may be before {@code --check} fails. */
  static final double TOLERANCE = 0.25;

  /** One guarded figure: lower is better for every one. */
  record Figure(String name, double value, String unit, double goal, double compared) {
    boolean goalMet() {
      return value <= goal;
    }
  }

  private BenchGuard() {}

  /**
   * The guarded figures of a run that measured them, keyed as the baseline keys them.
   *
   * @param cpuMicros server CPU per request by load phase ("H2 new groups", "ceiling")
   * @param measured other figures: "H2.peakRssMib", "H2.restartMillis", "H2.receiptToPageP99"
   */
  static Map<String, Figure> figures(Map<String, Double> cpuMicros, Map<String, Double> measured) {
    Map<String, Figure> figures = new LinkedHashMap<>();
    Double ceiling = cpuMicros.get("ceiling");
    cpu(figures, cpuMicros, ceiling, "H2 new groups", 1_000);
    cpu(figures, cpuMicros, ceiling, "H2 repeats", 100);
    plain(figures, measured, "H2.peakRssMib", "MiB", 256);
    plain(figures, measured, "H2.restartWithClassCacheMillis", "ms", 1_000);
    plain(figures, measured, "H2.restartMillis", "ms", 2_000);
    plain(figures, measured, "H2.receiptToPageP99", "ms", 25);
    plain(figures, measured, "H2.diskBytesPerIncident", "B", 3_072);
    plain(figures, measured, "H2.compactionLongestStepMillis", "ms", 50);
    return figures;
  }

  private static void cpu(
      Map<String, Figure> figures,
      Map<String, Double> cpuMicros,
      Double ceiling,
      String phase,
      double goal) {
    Double micros = cpuMicros.get(phase);
    if (micros != null && ceiling != null && ceiling > 0) {
      figures.put(
          phase + " CPU",
          new Figure(phase + " server CPU per request", micros, "µs", goal, micros / ceiling));
    }
  }

  private static void plain(
      Map<String, Figure> figures,
      Map<String, Double> measured,
      String key,
      String unit,
      double goal) {
    Double value = measured.get(key);
    if (value != null && value > 0) {
      figures.put(key, new Figure(key, value, unit, goal, value));
    }
  }

  /** One line for each figure more than {@link #TOLERANCE} worse than its baseline. */
  static List<String> regressions(Map<String, Figure> now, Map<String, Double> baseline) {
    List<String> worse = new ArrayList<>();
    now.forEach(
        (key, figure) -> {
          Double before = baseline.get(key);
          if (before != null && before > 0 && figure.compared() > before * (1 + TOLERANCE)) {
            worse.add(
                String.format(
                    "%s: %.2f against a baseline of %.2f (%.0f%% worse; %.0f%% allowed)",
                    key,
                    figure.compared(),
                    before,
                    100 * (figure.compared() / before - 1),
                    100 * TOLERANCE));
          }
        });
    return worse;
  }

  /** The numbers a baseline keeps: the compared value of each figure. */
  static Map<String, Double> baselineOf(Map<String, Figure> figures) {
    Map<String, Double> baseline = new LinkedHashMap<>();
    figures.forEach(
        (key, figure) -> baseline.put(key, Math.round(figure.compared() * 100) / 100.0));
    return baseline;
  }

  /** The report's table: each figure, its goal, and what is compared between runs. */
  static List<String> table(Map<String, Figure> figures, Map<String, Double> baseline) {
    List<String> lines = new ArrayList<>();
    lines.add("| guarded figure | this run | goal | compared (CPU: × ceiling) | baseline | |");
    lines.add("| --- | --- | --- | --- | --- | --- |");
    figures.forEach(
        (key, figure) -> {
          Double before = baseline.get(key);
          lines.add(
              String.format(
                  "| %s | %,.0f %s | ≤ %,.0f %s | %.2f | %s | %s |",
                  key,
                  figure.value(),
                  figure.unit(),
                  figure.goal(),
                  figure.unit(),
                  figure.compared(),
                  before == null ? "—" : String.format("%.2f", before),
                  figure.goalMet() ? "goal met" : "goal missed"));
        });
    return lines;
  }
}
