package io.jobstream.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Statistics of one group of postings in one window: the value of {@code jobs.salary.stats}, keyed
 * by {@link #key()}. Pay figures are over the annualized pay midpoint in {@code currency}; they are
 * null when {@code salaryCount} is zero.
 *
 * @param family role family or {@code all}
 * @param seniority seniority or {@code all}
 * @param country ISO country or {@code all}
 * @param remote {@code true}, {@code false} or {@code all}
 * @param window the window spec as configured, e.g. {@code 30d/1d}
 * @param windowStart first day in the window (inclusive, UTC)
 * @param windowEnd first day after the window (exclusive, UTC)
 * @param count postings in the window
 * @param salaryCount postings with pay in the reporting currency
 * @param duplicatesDropped cross-posted duplicates not counted
 * @param medianAnnualMin median of the annual lower ends of the pay ranges
 * @param medianAnnualMax median of the annual upper ends
 * @param shareRemote share of the postings that are remote (0..1)
 * @param emphasis shares of ML-vs-software emphasis among postings with one
 * @param genderCodingMean mean gender-coding score (-1 feminine .. +1 masculine) over the postings
 *     with a description; null when none has one
 */
public record SalaryStats(
    int schemaVersion,
    String family,
    String seniority,
    String country,
    String remote,
    String window,
    LocalDate windowStart,
    LocalDate windowEnd,
    long count,
    long salaryCount,
    long duplicatesDropped,
    String currency,
    Double min,
    Double p10,
    Double p25,
    Double median,
    Double p75,
    Double p90,
    Double max,
    Double mean,
    Double stddev,
    Double medianAnnualMin,
    Double medianAnnualMax,
    Double shareRemote,
    EmphasisShares emphasis,
    Double genderCodingMean,
    Instant updatedAt) {

  /** Shares (0..1) of postings by emphasis, over the postings that have one; null when none do. */
  public record EmphasisShares(long postings, double mlHeavy, double softwareHeavy, double balanced) {}

  public static final int SCHEMA_VERSION = 1;

  /** The Kafka key ({@link StatsKey}): window spec, window start and the group. */
  public StatsKey statsKey() {
    return new StatsKey(window, windowStart, family, seniority, country, remote);
  }

  /** The Kafka key as the topic carries it ({@link StatsKey#format()}). */
  public String key() {
    return statsKey().format();
  }
}
