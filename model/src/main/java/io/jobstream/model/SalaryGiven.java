package io.jobstream.model;

import java.math.BigDecimal;

/**
 * Pay exactly as the source gave it; normalization to an annual figure happens in classify.
 *
 * @param currency ISO 4217 code as given (may be null)
 * @param value a single amount, when the source gave one number instead of a range
 * @param min lower end of a range
 * @param max upper end of a range
 * @param unit the period of the amounts as given: schema.org {@code unitText} such as HOUR, DAY,
 *     WEEK, MONTH, YEAR (may be null)
 * @param text free-text pay, when that is all there was
 */
public record SalaryGiven(
    String currency, BigDecimal value, BigDecimal min, BigDecimal max, String unit, String text) {}
