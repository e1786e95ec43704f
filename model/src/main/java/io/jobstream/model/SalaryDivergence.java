package io.jobstream.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
 * @param adjustedGap the gap with the mix of seniority and country held equal: the cells' gaps of
 *     medians weighted by the pair's pooled cell shares (see {@code docs/adjusted-gap.md}); only on
 *     the slice {@code all|all}, null on other slices, where no cell has the minimum n on both
 *     sides, and in records written before the field existed
 * @param adjustedCiLow lower end of the 95% interval of the adjusted gap (null with it)
 * @param adjustedCiHigh upper end
 * @param adjustedCoverage share (0..1) of both families' postings with pay in the cells used
 * @param adjustedCells the cells behind the adjusted gap, in the order summed (null with it)
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
    Instant updatedAt,
    Double adjustedGap,
    Double adjustedCiLow,
    Double adjustedCiHigh,
    Double adjustedCoverage,
    List<AdjustedCell> adjustedCells) {

  /** The layout version; fields added later are optional (null in older records), so it stays 1. */
  public static final int SCHEMA_VERSION = 1;

  /** A divergence without the adjusted gap (a slice other than {@code all|all}, or too few postings in every cell). */
  public SalaryDivergence(int schemaVersion, String a, String b, String window, LocalDate windowStart,
      LocalDate windowEnd, String seniority, String country, long nA, long nB, double medianA, double medianB,
      double gap, Double ratio, double ciLow, double ciHigh, double pValue, boolean significant, double alpha,
      String currency, String method, Trend trend, Instant updatedAt) {
    this(schemaVersion, a, b, window, windowStart, windowEnd, seniority, country, nA, nB, medianA, medianB, gap,
        ratio, ciLow, ciHigh, pValue, significant, alpha, currency, method, trend, updatedAt, null, null, null, null,
        null);
  }

  /**
   * One cell of seniority x country behind the adjusted gap.
   *
   * @param seniority the seniority
   * @param country a country, or {@code other} for the countries pooled because either family has
   *     fewer than the minimum n there
   * @param nA postings of A with pay in the cell
   * @param nB postings of B with pay in the cell
   * @param medianA median pay of A in the cell
   * @param medianB median pay of B in the cell
   * @param gap {@code medianA - medianB}
   * @param weight the cell's share of both families' postings with pay over the cells used
   */
  public record AdjustedCell(String seniority, String country, long nA, long nB, double medianA, double medianB,
      double gap, double weight) {}

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

  /** The Kafka key ({@link DivergenceKey}): the pair, window spec, window start and the slice. */
  public DivergenceKey divergenceKey() {
    return new DivergenceKey(a, b, window, windowStart, seniority, country);
  }

  /** The Kafka key as the topic carries it ({@link DivergenceKey#format()}). */
  public String key() {
    return divergenceKey().format();
  }
}
