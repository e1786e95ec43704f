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
    Instant updatedAt) {

  public static final int SCHEMA_VERSION = 1;

  /** The Kafka key: window spec, window start and the group, separated by {@code |}. */
  public String key() {
    return String.join("|", window, windowStart.toString(), family, seniority, country, remote);
  }
}
