package io.jobstream.classify;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns structured pay (an amount or a range, a currency, a period) into annual figures.
 *
 * <p>Annualization factors assume a full-time year: hour x 2080 (40 h x 52 weeks), day x 260,
 * week x 52, biweekly x 26, month x 12, year x 1. Unknown periods yield no pay rather than a
 * guess, as do non-positive amounts, a range whose minimum exceeds its maximum, and annual
 * figures outside {@link #MIN_PLAUSIBLE_ANNUAL}..{@link #MAX_PLAUSIBLE_ANNUAL}: no pay is better
 * than wrong pay.
 */
public final class PayNormalizer {

  /** Lowest annual figure accepted, in currency units (screens out "$0", "-1" and typos). */
  public static final double MIN_PLAUSIBLE_ANNUAL = 1_000;

  /** Highest annual figure accepted, in currency units. */
  public static final double MAX_PLAUSIBLE_ANNUAL = 5_000_000;

  /**
   * Normalizes a structured amount.
   *
   * @param currency ISO 4217 code; null or blank means unknown, which yields no pay
   * @param value single amount, used when min and max are both missing
   * @param min lower end of a range (may be null)
   * @param max upper end of a range (may be null)
   * @param unit period as given: HOUR, DAY, WEEK, BIWEEKLY, MONTH, YEAR (schema.org unitText,
   *     case-insensitive; also HOURLY, YEARLY, ...); null means YEAR
   * @return annual pay, or empty when the input is not usable pay
   */
  public Optional<AnnualPay> normalize(
      String currency, BigDecimal value, BigDecimal min, BigDecimal max, String unit) {
    if (currency == null || currency.isBlank()) {
      return Optional.empty();
    }
    BigDecimal lo = min != null ? min : (max != null ? max : value);
    BigDecimal hi = max != null ? max : (min != null ? min : value);
    if (lo == null || hi == null) {
      return Optional.empty();
    }
    String period = period(unit);
    if (period == null) {
      return Optional.empty();
    }
    double low = lo.doubleValue();
    double high = hi.doubleValue();
    if (low <= 0 || high < low) {
      return Optional.empty();
    }
    double factor = factor(period);
    double annualMin = low * factor;
    double annualMax = high * factor;
    if (annualMin < MIN_PLAUSIBLE_ANNUAL || annualMax > MAX_PLAUSIBLE_ANNUAL) {
      return Optional.empty();
    }
    return Optional.of(new AnnualPay(
        currency.trim().toUpperCase(Locale.ROOT), period, low, high, annualMin, annualMax));
  }

  /** Maps a period as written by sources to one of hour, day, week, biweek, month, year. */
  static String period(String unit) {
    if (unit == null || unit.isBlank()) {
      return "year";
    }
    return switch (unit.trim().toUpperCase(Locale.ROOT)) {
      case "HOUR", "HOURLY", "PER-HOUR-WAGE" -> "hour";
      case "DAY", "DAILY" -> "day";
      case "WEEK", "WEEKLY" -> "week";
      case "BIWEEKLY", "BIWEEK" -> "biweek";
      case "MONTH", "MONTHLY", "PER-MONTH-SALARY" -> "month";
      case "YEAR", "YEARLY", "ANNUAL", "ANNUALLY", "PER-YEAR-SALARY" -> "year";
      default -> null;
    };
  }

  static double factor(String period) {
    return switch (period) {
      case "hour" -> 2080;
      case "day" -> 260;
      case "week" -> 52;
      case "biweek" -> 26;
      case "month" -> 12;
      default -> 1;
    };
  }
}
