package io.jobstream.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The pay gap between two role families in one window and slice: the value of
 * {@code jobs.salary.divergence}, keyed by {@link #key()}. Emitted only where both sides have at
 * least the minimum number of postings with pay; a slice that falls below it gets a tombstone.
 *
 * @param a the first family (e.g. {@code ml_engineer})
 * @param b the second family
 * @param seniority a seniority or {@code all}
 * @param country a country or {@code all}
 * @param nA postings of A with pay
 * @param nB postings of B with pay
 * @param gap {@code medianA - medianB} (annual, reporting currency)
 * @param ratio {@code medianA / medianB}
 * @param ciLow lower end of the 95% interval of the gap
 * @param ciHigh upper end
 * @param pValue two-sided Mann-Whitney U test, tie-corrected
 * @param significant {@code pValue < alpha} (both sides are at least the minimum n here)
 * @param method how gap, interval and test were computed
 * @param trend the change against the previous non-overlapping window, or null when that window
 *     had too few postings
 */
public record SalaryDivergence(
    int schemaVersion,
    String a,
    String b,
    String window,
    LocalDate windowStart,
    LocalDate windowEnd,
    String seniority,
    String country,
    long nA,
    long nB,
    double medianA,
    double medianB,
    double gap,
    Double ratio,
    double ciLow,
    double ciHigh,
    double pValue,
    boolean significant,
    double alpha,
    String currency,
    String method,
    Trend trend,
    Instant updatedAt) {

  public static final int SCHEMA_VERSION = 1;

  /**
   * The gap's change against the previous non-overlapping window of the same spec.
   *
   * @param previousWindowStart start of that window
   * @param previousGap its gap
   * @param change {@code gap - previousGap}
   * @param ciLow lower end of the 95% interval of the change
   * @param ciHigh upper end
   * @param verdict {@code widened} (the interval is above 0), {@code narrowed} (below 0) or
   *     {@code no_clear_change}
   */
  public record Trend(LocalDate previousWindowStart, double previousGap, double change,
      double ciLow, double ciHigh, String verdict) {}

  /** The Kafka key: {@code A|B|WINDOW|START|SENIORITY|COUNTRY}. */
  public String key() {
    return key(a, b, window, windowStart, seniority, country);
  }

  public static String key(String a, String b, String window, LocalDate start, String seniority, String country) {
    return String.join("|", a, b, window, start.toString(), seniority, country);
  }
}
