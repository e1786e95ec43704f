package io.jobstream.classify;

import io.jobstream.classify.pay.CurrencyRates;
import io.jobstream.classify.pay.PayText;
import io.jobstream.classify.pay.PayTextParser;
import io.jobstream.classify.pay.PeriodRanges;
import io.jobstream.classify.pay.Periods;
import io.jobstream.classify.text.TokenSpans;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Normalizes pay, structured or free text, to annual figures in the given currency and in the
 * reporting currency.
 *
 * <p>Amounts are first checked against the plausible pay of their period ({@link PeriodRanges}):
 * outside it they are re-read under the one period that holds them ({@link Salary#periodGiven()}
 * says so), or rejected with the reason. A figure is rejected (not silently kept) when its annual amount, in US dollars at the rate of
 * its year, is below {@value #MIN_ANNUAL_USD} or above {@value #MAX_ANNUAL_USD}; amounts in a
 * currency without a rate are checked unconverted.
 */
public final class PayExtractor {

  /** Lowest plausible annual pay, in US dollars. */
  public static final double MIN_ANNUAL_USD = 1_000;

  /** Highest plausible annual pay, in US dollars. */
  public static final double MAX_ANNUAL_USD = 5_000_000;

  private final CurrencyRates rates;
  private final PeriodRanges periodRanges;
  private final String reportingCurrency;
  private final PayTextParser parser = new PayTextParser();

  /** Built-in rates, reporting in US dollars. */
  public PayExtractor() {
    this(CurrencyRates.builtIn(), "USD");
  }

  public PayExtractor(CurrencyRates rates, String reportingCurrency) {
    this(rates, PeriodRanges.defaults(), reportingCurrency);
  }

  /** @param periodRanges the plausible pay per period; amounts outside are re-read or rejected */
  public PayExtractor(CurrencyRates rates, PeriodRanges periodRanges, String reportingCurrency) {
    this.rates = rates;
    this.periodRanges = periodRanges;
    this.reportingCurrency = reportingCurrency.toUpperCase(Locale.ROOT);
  }

  public String reportingCurrency() {
    return reportingCurrency;
  }

  /**
   * Structured pay: a single {@code value} or a {@code min}..{@code max} range per {@code unit}.
   *
   * @param on the posting's date, which picks the exchange rate (null: the latest rates)
   */
  public PayResult fromStructured(String currency, BigDecimal value, BigDecimal min,
      BigDecimal max, String unit, LocalDate on) {
    if (currency == null || currency.isBlank()) {
      return PayResult.NONE;
    }
    BigDecimal lo = min != null ? min : (max != null ? max : value);
    BigDecimal hi = max != null ? max : (min != null ? min : value);
    if (lo == null || hi == null) {
      return PayResult.NONE;
    }
    String period = Periods.normalize(unit);
    if (period == null) {
      return new PayResult(null, "unknown pay period '" + unit + "'");
    }
    if (lo.signum() <= 0 || hi.compareTo(lo) < 0) {
      return new PayResult(null, "not a pay range: " + lo + " .. " + hi);
    }
    return annualize(currency.trim().toUpperCase(Locale.ROOT), period, lo.doubleValue(),
        hi.doubleValue(), false, on);
  }

  /**
   * Structured pay in cents per year, as Greenhouse's {@code pay_input_ranges} give it
   * ({@code min_cents}, {@code max_cents}, {@code currency_type}).
   */
  public PayResult fromCents(String currency, Long minCents, Long maxCents, LocalDate on) {
    BigDecimal min = minCents == null ? null : BigDecimal.valueOf(minCents).movePointLeft(2);
    BigDecimal max = maxCents == null ? null : BigDecimal.valueOf(maxCents).movePointLeft(2);
    return fromStructured(currency, null, min, max, "YEAR", on);
  }

  /**
   * Pay in free text (a salary field, a title or a description).
   *
   * @param defaultCurrency currency for amounts that name none (null: they must name one)
   */
  public PayResult fromText(String text, String defaultCurrency, LocalDate on) {
    return fromText(text, defaultCurrency, on, null);
  }

  /**
   * Pay in free text already tokenized: the same answer as {@link #fromText(String, String,
   * LocalDate)}, read only near the text's digits (a description's tokens say where they are).
   *
   * @param tokens {@code TokenSpans.of(text)}, or null to read every character
   */
  public PayResult fromText(String text, String defaultCurrency, LocalDate on, TokenSpans tokens) {
    Optional<PayText> parsed = parser.parse(text,
        defaultCurrency == null || defaultCurrency.isBlank() ? null : defaultCurrency.trim().toUpperCase(Locale.ROOT),
        tokens);
    if (parsed.isEmpty()) {
      return PayResult.NONE;
    }
    PayText p = parsed.get();
    return annualize(p.currency(), p.period(), p.min(), p.max(), p.periodInferred(), on);
  }

  private PayResult annualize(String currency, String givenPeriod, double min, double max,
      boolean inferred, LocalDate on) {
    int year = on == null ? Integer.MAX_VALUE : on.getYear();
    // the amounts as given, in US dollars, against the plausible range of their period
    PeriodRanges.Reading reading = periodRanges.read(rates.convert(min, currency, "USD", year).orElse(min),
        rates.convert(max, currency, "USD", year).orElse(max), givenPeriod);
    if (reading.rejected()) {
      return new PayResult(null, reading.problem() + " " + currency + " " + plain(min) + ".." + plain(max)
          + " as given");
    }
    String period = reading.period();
    double factor = Periods.factor(period);
    double annualMin = min * factor;
    double annualMax = max * factor;
    OptionalDouble minUsd = rates.convert(annualMin, currency, "USD", year);
    OptionalDouble maxUsd = rates.convert(annualMax, currency, "USD", year);
    double checkMin = minUsd.orElse(annualMin);
    double checkMax = maxUsd.orElse(annualMax);
    if (checkMin < MIN_ANNUAL_USD || checkMax > MAX_ANNUAL_USD) {
      return new PayResult(null, String.format(Locale.ROOT,
          "implausible annual pay %.0f..%.0f %s (%s x %.0f)", annualMin, annualMax, currency, period, factor));
    }
    OptionalDouble minReporting = rates.convert(annualMin, currency, reportingCurrency, year);
    OptionalDouble maxReporting = rates.convert(annualMax, currency, reportingCurrency, year);
    return new PayResult(new Salary(currency, period, min, max, annualMin, annualMax,
        reportingCurrency,
        minReporting.isPresent() ? round2(minReporting.getAsDouble()) : null,
        maxReporting.isPresent() ? round2(maxReporting.getAsDouble()) : null,
        inferred, period.equals(givenPeriod) ? null : givenPeriod), null);
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
