package io.jobstream.classify;

/**
 * Normalized pay of a posting.
 *
 * @param currency ISO 4217 code of the amounts as given
 * @param period period of {@code min}/{@code max} as given: hour, day, week, biweek, month, year
 * @param min lower end as given (equal to {@code max} for a single figure)
 * @param max upper end as given
 * @param annualMin {@code min} annualized (hour x 2080, day x 260, week x 52, biweek x 26,
 *     month x 12)
 * @param annualMax {@code max} annualized
 * @param reportingCurrency the currency of the two reporting figures
 * @param annualMinReporting {@code annualMin} converted at the rate of the posting's year; null
 *     when the rate table has no rate for {@code currency}
 * @param annualMaxReporting {@code annualMax} converted likewise
 * @param periodInferred the text named no period; it was inferred from the size of the amounts
 * @param periodGiven the period the source gave, when the amounts were implausible for it and
 *     were re-read under {@code period} (see {@code PeriodRanges}); null otherwise
 */
public record Salary(
    String currency,
    String period,
    double min,
    double max,
    double annualMin,
    double annualMax,
    String reportingCurrency,
    Double annualMinReporting,
    Double annualMaxReporting,
    boolean periodInferred,
    String periodGiven) {}
