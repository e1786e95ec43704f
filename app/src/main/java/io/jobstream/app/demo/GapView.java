package io.jobstream.app.demo;

import io.jobstream.model.DivergenceKey;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.report.page.Formats;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest gaps of one pair in one window spec (slice {@code all}), from
 * {@code jobs.salary.divergence}, rendered as a table with one row per window.
 */
public final class GapView {

  private final String a;
  private final String b;
  private final String window;
  private final String label;
  private final Map<LocalDate, SalaryDivergence> latest = new TreeMap<>();

  public GapView(String a, String b, String window) {
    this(a, b, window, null);
  }

  /** @param label what the figures are, shown in the table's title (e.g. that they are generated); null for none */
  public GapView(String a, String b, String window, String label) {
    this.a = a;
    this.b = b;
    this.window = window;
    this.label = label;
  }

  public void update(String key, SalaryDivergence d) {
    DivergenceKey k;
    try {
      k = DivergenceKey.parse(key);
    } catch (IllegalArgumentException e) {
      return; // not a key jobstream writes
    }
    if (!k.a().equals(a) || !k.b().equals(b) || !k.window().equals(window)
        || !k.seniority().equals("all") || !k.country().equals("all")) {
      return;
    }
    LocalDate start = k.windowStart();
    if (d == null) {
      latest.remove(start);
    } else {
      latest.put(start, d);
    }
  }

  public boolean isEmpty() {
    return latest.isEmpty();
  }

  public String render() {
    if (latest.isEmpty()) {
      return String.format("Pay gap %s - %s (%s windows): waiting for windows with enough postings of both%n", a, b, window);
    }
    StringBuilder out = new StringBuilder();
    out.append(String.format("Pay gap %s - %s, median annual pay (%s windows, jobs.salary.divergence)%s%n%n", a, b, window,
        label == null ? "" : " - " + label));
    out.append(String.format("%-12s %7s %7s %10s %10s %10s %23s %10s %-4s %s%n", "window", "n A", "n B", "median A",
        "median B", "gap", "95% interval", "p", "sig.", "trend"));
    for (SalaryDivergence d : latest.values()) {
      out.append(String.format("%-12s %7d %7d %10s %10s %10s %23s %10s %-4s %s%n", d.windowStart(), d.nA(), d.nB(),
          Formats.money(d.medianA()), Formats.money(d.medianB()), Formats.signedMoney(d.gap()),
          Formats.signedMoney(d.ciLow()) + " .. " + Formats.signedMoney(d.ciHigh()), Formats.pValue(d.pValue()),
          d.significant() ? "yes" : "no", d.trend() == null ? "" : d.trend().verdict()));
    }
    return out.toString();
  }
}
