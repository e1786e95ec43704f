package io.jobstream.classify;

/**
 * Pay normalized to a year.
 *
 * @param currency ISO 4217 code, upper case
 * @param period the period of {@code min}/{@code max} as given: hour, day, week, month, year
 * @param min lower end as given
 * @param max upper end as given (equal to {@code min} for a single figure)
 * @param annualMin {@code min} times the period's factor (see {@link PayNormalizer})
 * @param annualMax {@code max} times the period's factor
 */
public record AnnualPay(
    String currency, String period, double min, double max, double annualMin, double annualMax) {}
