package io.jobstream.classify.pay;

/**
 * Pay as read from free text, before annualization.
 *
 * @param currency ISO 4217 code
 * @param period hour, day, week, biweek, month or year
 * @param min lower end (equal to {@code max} for a single figure)
 * @param max upper end
 * @param periodInferred true when the text named no period and it was inferred from the size of
 *     the amounts (at least 10,000: year; under 300 with a pay word nearby: hour)
 * @param bound {@code range}, {@code single}, {@code upTo} ("up to $200K") or {@code from}
 *     ("starting at $16/hr"); for the last two, min and max both hold the one figure given
 */
public record PayText(String currency, String period, double min, double max,
    boolean periodInferred, String bound) {}
