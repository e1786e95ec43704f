package io.jobstream.model;

/**
 * Normalized pay of a posting.
 *
 * @param currency ISO 4217 code
 * @param period the period of {@code min} and {@code max} as given: hour, day, week, month, year
 * @param min lower end as given, in {@code currency} per {@code period}
 * @param max upper end as given (equal to {@code min} for a single figure)
 * @param annualMin {@code min} annualized (see classify's PayNormalizer for the factors)
 * @param annualMax {@code max} annualized
 */
public record Pay(
    String currency, String period, double min, double max, double annualMin, double annualMax) {

  /** Midpoint of the annual range, the figure the statistics are computed over. */
  public double annualMidpoint() {
    return (annualMin + annualMax) / 2.0;
  }
}
