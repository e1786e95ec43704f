package io.jobstream.app.demo;

import io.jobstream.model.SalaryStats;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest statistics per key of {@code jobs.salary.stats}, rendered as a table of the current
 * window of one spec: per family, the latest window (for rolling windows, the one that ends the day
 * after the latest posting day seen).
 */
public final class StatsView {

  private final String window;
  private final String label;
  private final Map<String, SalaryStats> latest = new HashMap<>();
  private LocalDate latestStart;

  /** @param window the window spec to show, e.g. {@code 30d/1d} */
  public StatsView(String window) {
    this(window, null);
  }

  /**
   * @param window the window spec to show
   * @param label what the figures are, shown in the table's title (e.g. that they are generated); null for none
   */
  public StatsView(String window, String label) {
    this.window = window;
    this.label = label;
  }

  public void update(String key, SalaryStats stats) {
    if (stats == null) {
      latest.remove(key);
      return;
    }
    if (!stats.seniority().equals("all") || !stats.country().equals("all") || !stats.remote().equals("all")) {
      return; // the table shows one row per family
    }
    latest.put(key, stats);
    if (stats.window().equals(window) && (latestStart == null || stats.windowStart().isAfter(latestStart))) {
      latestStart = stats.windowStart();
    }
  }

  /** Per family, the row of the current window; empty until statistics arrived. */
  public List<SalaryStats> currentRows() {
    if (latestStart == null) {
      return List.of();
    }
    LocalDate asOfEnd = latestStart.plusDays(1);
    // a calendar window (month, quarter, year) is current from its first day; a rolling one once it ends
    boolean calendar = !window.contains("/");
    Map<String, SalaryStats> perFamily = new HashMap<>();
    for (SalaryStats s : latest.values()) {
      if (!s.window().equals(window) || s.count() == 0 || s.windowStart().isAfter(latestStart)
          || (!calendar && s.windowEnd().isAfter(asOfEnd))) {
        continue;
      }
      perFamily.merge(s.family(), s, (a, b) -> a.windowEnd().isAfter(b.windowEnd()) ? a : b);
    }
    return perFamily.values().stream()
        .sorted(Comparator.comparingLong(SalaryStats::count).reversed()
            .thenComparing(SalaryStats::family))
        .toList();
  }

  /** The table as text. */
  public String render() {
    List<SalaryStats> rows = currentRows();
    if (rows.isEmpty()) {
      return "waiting for statistics on jobs.salary.stats ...\n";
    }
    StringBuilder out = new StringBuilder();
    SalaryStats first = rows.get(0);
    out.append(String.format("Salary statistics, window %s: %s .. %s (annual pay midpoint, %s)%s%n%n",
        window, first.windowStart(), first.windowEnd().minusDays(1), first.currency(),
        label == null ? "" : " - " + label));
    out.append(String.format("%-20s %8s %8s %10s %10s %10s %10s%n",
        "family", "postings", "with pay", "p25", "median", "p75", "mean"));
    for (SalaryStats s : rows) {
      out.append(String.format("%-20s %8d %8d %10s %10s %10s %10s%n", s.family(), s.count(),
          s.salaryCount(), money(s.p25()), money(s.median()), money(s.p75()), money(s.mean())));
    }
    return out.toString();
  }

  private static String money(Double value) {
    return value == null ? "-" : String.format("%,.0f", value);
  }
}
