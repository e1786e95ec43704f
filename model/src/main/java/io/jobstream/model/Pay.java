package io.jobstream.model;

/**
 * Normalized pay of a posting.
 *
 * @param currency ISO 4217 code of the amounts as given
 * @param period the period of {@code min} and {@code max}: hour, day, week, biweek, month,
 *     year; as given, unless the amounts were implausible for that period (see {@code periodGiven})
 * @param min lower end as given, in {@code currency} per {@code period}
 * @param max upper end as given (equal to {@code min} for a single figure)
 * @param annualMin {@code min} annualized (hour x 2080, day x 260, week x 52, biweek x 26,
 *     month x 12)
 * @param annualMax {@code max} annualized
 * @param reportingCurrency currency of the reporting figures
 * @param annualMinReporting {@code annualMin} in the reporting currency at the rate of the
 *     posting's year; null when no rate is known
 * @param annualMaxReporting {@code annualMax} likewise
 * @param periodGiven the period the source gave, when its amounts were implausible for it and were
 *     re-read under {@code period} (e.g. yearly figures labelled biweekly); null otherwise
 */
public record Pay(
    String currency,
    String period,
    double min,
    double max,
    double annualMin,
    double annualMax,
    String reportingCurrency,
    Double annualMinReporting,
    Double annualMaxReporting,
    String periodGiven) {

  /** Midpoint of the annual range in the reporting currency, or null when it is unknown. */
  public Double reportingMidpoint() {
    if (annualMinReporting == null || annualMaxReporting == null) {
      return null;
    }
    return (annualMinReporting + annualMaxReporting) / 2.0;
  }
}
