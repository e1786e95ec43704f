package io.jobstream.classify.pay;

import java.util.Locale;

/**
 * Pay periods and how they annualize, assuming a full-time year: hour x 2080 (40 h x 52 weeks),
 * day x 260, week x 52, biweek x 26, month x 12, year x 1.
 */
public final class Periods {

  private Periods() {}

  /**
   * Maps a period as sources write it (schema.org unitText HOUR/DAY/WEEK/MONTH/YEAR, LinkedIn
   * HOURLY/.../YEARLY, Lever per-hour-wage/per-month-salary/per-year-salary, Ashby "1 YEAR") to
   * hour, day, week, biweek, month or year; null or blank means year; unknown gives null.
   */
  public static String normalize(String unit) {
    if (unit == null || unit.isBlank()) {
      return "year";
    }
    return switch (unit.trim().toUpperCase(Locale.ROOT)) {
      case "HOUR", "HOURLY", "PER-HOUR-WAGE", "1 HOUR", "HR" -> "hour";
      case "DAY", "DAILY", "PER-DAY-WAGE", "1 DAY" -> "day";
      case "WEEK", "WEEKLY", "PER-WEEK-SALARY", "1 WEEK" -> "week";
      case "BIWEEKLY", "BIWEEK", "2 WEEK", "2 WEEKS" -> "biweek";
      case "MONTH", "MONTHLY", "PER-MONTH-SALARY", "1 MONTH" -> "month";
      case "YEAR", "YEARLY", "ANNUAL", "ANNUALLY", "PER-YEAR-SALARY", "1 YEAR" -> "year";
      default -> null;
    };
  }

  /** The annualization factor of a normalized period. */
  public static double factor(String period) {
    return switch (period) {
      case "hour" -> 2080;
      case "day" -> 260;
      case "week" -> 52;
      case "biweek" -> 26;
      case "month" -> 12;
      case "year" -> 1;
      default -> throw new IllegalArgumentException("unknown period " + period);
    };
  }
}
