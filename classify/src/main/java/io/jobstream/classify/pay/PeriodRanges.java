package io.jobstream.classify.pay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plausible pay of a salaried job per period, in US dollars, against which amounts are checked
 * before they are annualized: sources often give yearly figures with a shorter period (LinkedIn's
 * "71323 - 89965 BIWEEKLY") or yearly figures in thousands ("200 - 225 YEARLY").
 *
 * <p>Defaults (US dollars per period): hour 0.50..500, day 4..4,000, week 20..20,000, biweek
 * 40..40,000, month 85..60,000, year 1,000..5,000,000. The lower bounds all come to about 1,000 a
 * year, so that pay in low-wage countries passes; the upper bounds of the short periods come to
 * about 1 million a year, and a month of 60,000 to 720,000. A range whose amounts fall outside
 * their period's range is re-read under the one period whose range holds them both, and rejected
 * when none or several do.
 */
public final class PeriodRanges {

  /** The periods in order of length. */
  public static final List<String> PERIODS = List.of("hour", "day", "week", "biweek", "month", "year");

  private static final String DEFAULTS =
      "hour=0.5..500,day=4..4000,week=20..20000,biweek=40..40000,month=85..60000,year=1000..5000000";

  /** A plausible range of one period. */
  public record Range(double min, double max) {
    boolean holds(double lo, double hi) {
      return lo >= min && hi <= max;
    }
  }

  /** How an amount reads against the ranges. */
  public record Reading(String period, String problem) {
    public boolean rejected() {
      return period == null;
    }
  }

  private final Map<String, Range> ranges;

  private PeriodRanges(Map<String, Range> ranges) {
    this.ranges = ranges;
  }

  public static PeriodRanges defaults() {
    return parse(DEFAULTS);
  }

  /**
   * The defaults with the periods named in {@code spec} replaced, e.g.
   * {@code hour=7..300,month=1000..50000} (US dollars per period).
   *
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  public static PeriodRanges withOverrides(String spec) {
    PeriodRanges base = defaults();
    if (spec == null || spec.isBlank()) {
      return base;
    }
    Map<String, Range> merged = new LinkedHashMap<>(base.ranges);
    merged.putAll(parse(spec).ranges);
    return new PeriodRanges(merged);
  }

  private static PeriodRanges parse(String spec) {
    Map<String, Range> out = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      int dots = p.indexOf("..");
      if (eq < 0 || dots < eq) {
        throw new IllegalArgumentException("pay range '" + p + "' is not PERIOD=MIN..MAX, e.g. hour=0.5..500");
      }
      String period = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      if (!PERIODS.contains(period)) {
        throw new IllegalArgumentException("pay range '" + p + "': unknown period '" + period
            + "' (one of " + String.join(", ", PERIODS) + ")");
      }
      double min;
      double max;
      try {
        min = Double.parseDouble(p.substring(eq + 1, dots).trim());
        max = Double.parseDouble(p.substring(dots + 2).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("pay range '" + p + "': bounds are not numbers");
      }
      if (!(min > 0) || !(max > min)) {
        throw new IllegalArgumentException("pay range '" + p + "': needs 0 < MIN < MAX");
      }
      out.put(period, new Range(min, max));
    }
    return new PeriodRanges(out);
  }

  public Range range(String period) {
    return ranges.get(period);
  }

  /**
   * Reads {@code lo..hi} (US dollars) given per {@code period}: that period when its range holds
   * them, else the one other period whose range does, else a rejection saying why.
   */
  public Reading read(double lo, double hi, String period) {
    Range given = ranges.get(period);
    if (given == null || given.holds(lo, hi)) {
      return new Reading(period, null);
    }
    List<String> fits = new ArrayList<>();
    for (String p : PERIODS) {
      if (ranges.get(p).holds(lo, hi)) {
        fits.add(p);
      }
    }
    if (fits.size() == 1) {
      return new Reading(fits.get(0), null);
    }
    String amounts = String.format(Locale.ROOT, "%.2f..%.2f USD", lo, hi);
    String plausible = String.format(Locale.ROOT, "%s..%s", plain(given.min()), plain(given.max()));
    return new Reading(null, "implausible pay per " + period + ": " + amounts + " (plausible " + plausible
        + (fits.isEmpty() ? "; no period fits" : "; it could be per " + String.join(" or per ", fits)) + ")");
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
