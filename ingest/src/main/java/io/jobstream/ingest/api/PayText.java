package io.jobstream.ingest.api;

import io.jobstream.model.SalaryGiven;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pay written as free text ({@code $180k-$220k + equity}, {@code €80-100k},
 * {@code 150,000-180,000 USD}, {@code $75/hr}) read into currency, amounts and period; the text
 * itself is always kept. Used for Hacker News first lines and for aggregators that give pay as
 * text (Remotive).
 *
 * <p>Rules: a currency is a symbol before the first amount ({@code $} USD, {@code €} EUR,
 * {@code £} GBP, {@code CA$}/{@code C$} CAD, {@code A$}/{@code AU$} AUD, {@code ₹} INR) or an ISO
 * code before or after the amounts; {@code k} multiplies by 1,000 and a range whose second end has
 * a {@code k} and whose first is below 1,000 has both ends in thousands ({@code €80-100k}); the
 * period is read from {@code /hr}, {@code per hour}, {@code /day}, {@code /week}, {@code /month},
 * {@code /yr} and their spellings, else it is a year when the amounts are at least 1,000 and
 * unknown (null) otherwise.
 */
public final class PayText {

  private static final String CODES = "USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|INR|JPY|SGD|NZD|ILS|BRL|MXN|CZK";
  private static final String SYMBOL = "CA\\$|C\\$|AU\\$|A\\$|US\\$|\\$|€|£|₹";
  private static final String NUMBER = "\\d{1,3}(?:[,.]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
  private static final Pattern AMOUNTS = Pattern.compile(
      "(?<cur1>" + CODES + ")?\\s*(?<sym1>" + SYMBOL + ")?\\s*(?<a>" + NUMBER + ")\\s*(?<ka>[kK])?"
          + "(?:\\s*(?:-|–|—|to)\\s*(?<cur2>" + CODES + ")?\\s*(?:" + SYMBOL + ")?\\s*(?<b>" + NUMBER + ")\\s*(?<kb>[kK])?)?"
          + "(?<plus>\\+)?\\s*(?<cur3>" + CODES + ")?(?![\\w%])",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HOUR = Pattern.compile("(/|per\\s+|an\\s+|a\\s+)(hr|hour)\\b|hourly|/h\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DAY = Pattern.compile("(/|per\\s+|a\\s+)day\\b|daily|/d\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern WEEK = Pattern.compile("(/|per\\s+|a\\s+)(wk|week)\\b|weekly", Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH = Pattern.compile("(/|per\\s+|a\\s+)(mo|month)\\b|monthly",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR = Pattern.compile("(/|per\\s+|a\\s+)(yr|year|annum)\\b|annual|yearly|\\bp\\.?a\\.?\\b",
      Pattern.CASE_INSENSITIVE);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private PayText() {
  }

  /** Whether {@code text} holds an amount with a currency or a {@code k} ({@code $150k}, {@code 90-110k EUR}). */
  public static boolean looksLikePay(String text) {
    Matcher m = AMOUNTS.matcher(text);
    while (m.find()) {
      if (m.group("sym1") != null || m.group("cur1") != null || m.group("cur2") != null || m.group("cur3") != null
          || m.group("ka") != null || m.group("kb") != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The pay in {@code text}: amounts, currency and period when an amount with a currency or a
   * {@code k} is there, else only the text; null for null or blank text.
   */
  public static SalaryGiven parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    Matcher m = AMOUNTS.matcher(trimmed);
    while (m.find()) {
      String currency = currency(m);
      boolean k = m.group("ka") != null || m.group("kb") != null;
      if (currency == null && !k) {
        continue; // a bare number (a year, a percentage of equity, "3 days") is not pay
      }
      BigDecimal a = amount(m.group("a"));
      BigDecimal b = m.group("b") == null ? null : amount(m.group("b"));
      if (m.group("ka") != null) {
        a = a.multiply(THOUSAND);
      }
      if (b != null && m.group("kb") != null) {
        b = b.multiply(THOUSAND);
        if (m.group("ka") == null && a.compareTo(THOUSAND) < 0) {
          a = a.multiply(THOUSAND); // "€80-100k": both ends in thousands
        }
      }
      if (b != null && b.compareTo(a) < 0) {
        continue; // "2024-05": not a range of pay
      }
      String unit = unit(trimmed, b == null ? a : b);
      BigDecimal min = b == null ? null : a;
      BigDecimal max = b;
      BigDecimal value = b == null ? a : null;
      if (b == null && m.group("plus") != null) {
        min = a; // "$150k+": a lower bound
        value = null;
      }
      return new SalaryGiven(currency, strip(value), strip(min), strip(max), unit, trimmed);
    }
    return new SalaryGiven(null, null, null, null, null, trimmed);
  }

  private static BigDecimal strip(BigDecimal v) {
    return v == null ? null : v.stripTrailingZeros().setScale(Math.max(0, v.stripTrailingZeros().scale()));
  }

  private static String currency(Matcher m) {
    for (String g : new String[] {"cur1", "cur2", "cur3"}) {
      if (m.group(g) != null) {
        return m.group(g).toUpperCase(Locale.ROOT);
      }
    }
    String sym = m.group("sym1");
    if (sym == null) {
      return null;
    }
    return switch (sym.toUpperCase(Locale.ROOT)) {
      case "€" -> "EUR";
      case "£" -> "GBP";
      case "₹" -> "INR";
      case "CA$", "C$" -> "CAD";
      case "AU$", "A$" -> "AUD";
      default -> "USD";
    };
  }

  /** {@code 150,000} and {@code 150.000} as thousands; {@code 80.5} as a decimal. */
  private static BigDecimal amount(String s) {
    if (s.matches("\\d{1,3}(?:[,.]\\d{3})+(?:\\.\\d+)?")) {
      int lastSep = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
      String grouped = s.matches("\\d{1,3}(?:[,.]\\d{3})+") ? s.replace(",", "").replace(".", "")
          : s.substring(0, lastSep).replace(",", "").replace(".", "") + s.substring(lastSep);
      return new BigDecimal(grouped);
    }
    return new BigDecimal(s);
  }

  private static String unit(String text, BigDecimal top) {
    if (HOUR.matcher(text).find()) {
      return "HOUR";
    }
    if (DAY.matcher(text).find()) {
      return "DAY";
    }
    if (WEEK.matcher(text).find()) {
      return "WEEK";
    }
    if (MONTH.matcher(text).find()) {
      return "MONTH";
    }
    if (YEAR.matcher(text).find() || top.compareTo(THOUSAND) >= 0) {
      return "YEAR";
    }
    return null;
  }
}
