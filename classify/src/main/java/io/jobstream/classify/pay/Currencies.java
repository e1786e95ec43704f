package io.jobstream.classify.pay;

import java.util.Set;

/** Currency symbols and ISO 4217 codes as they appear next to amounts. */
final class Currencies {

  /** Codes recognized when written next to an amount ("USD 95,000", "25 LPA INR"). */
  static final Set<String> CODES = Set.of("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "INR",
      "JPY", "CNY", "SGD", "HKD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "BRL", "MXN", "ZAR",
      "ILS", "AED", "KRW", "TWD", "PHP", "IDR", "MYR", "THB", "TRY", "RON", "ARS", "CLP", "COP",
      "NGN", "KES", "EGP", "PKR", "VND", "UAH");

  private static final String[][] DOLLAR_PREFIXES = {
      {"US$", "USD"}, {"CA$", "CAD"}, {"C$", "CAD"}, {"AU$", "AUD"}, {"A$", "AUD"}, {"NZ$", "NZD"},
      {"HK$", "HKD"}, {"S$", "SGD"}, {"R$", "BRL"}, {"MX$", "MXN"}};

  private Currencies() {}

  /** The currency of a symbol starting at {@code i} ("$", "CA$", "£", "€", "₹", "¥", "Rs"), or null. */
  static String symbolAt(String s, int i) {
    if (i >= s.length()) {
      return null;
    }
    char first = s.charAt(i);
    if (first != '$' && first != 'U' && first != 'C' && first != 'A' && first != 'N' && first != 'H'
        && first != 'S' && first != 'R' && first != 'M' && first < 128) {
      return null;
    }
    for (String[] p : DOLLAR_PREFIXES) {
      if (s.startsWith(p[0], i) && (i == 0 || !Character.isLetter(s.charAt(i - 1)))) {
        return p[1];
      }
    }
    char c = s.charAt(i);
    switch (c) {
      case '$':
        return "USD";
      case '\u00a3':
        return "GBP";
      case '\u20ac':
        return "EUR";
      case '\u20b9':
        return "INR";
      case '\u00a5':
        return "JPY";
      default:
        break;
    }
    if ((s.startsWith("Rs.", i) || s.startsWith("Rs ", i)) && (i == 0 || !Character.isLetter(s.charAt(i - 1)))) {
      return "INR";
    }
    return null;
  }

  static int symbolLength(String s, int i) {
    for (String[] p : DOLLAR_PREFIXES) {
      if (s.startsWith(p[0], i)) {
        return p[0].length();
      }
    }
    if (s.startsWith("Rs.", i) || s.startsWith("Rs ", i)) {
      return 3;
    }
    return 1;
  }

  /**
   * An ISO code written as a word at {@code i}, all upper case or all lower case ("usd"; "Eur"
   * in running text is not a code), or null. Builds a string only for three-letter words.
   */
  static String codeAt(String s, int i) {
    if (i + 3 > s.length()) {
      return null;
    }
    if (i > 0 && Character.isLetter(s.charAt(i - 1))) {
      return null;
    }
    if (i + 3 < s.length() && Character.isLetter(s.charAt(i + 3))) {
      return null;
    }
    char a = s.charAt(i);
    char b = s.charAt(i + 1);
    char c = s.charAt(i + 2);
    boolean upper = isUpper(a) && isUpper(b) && isUpper(c);
    boolean lower = isLower(a) && isLower(b) && isLower(c);
    if (!upper && !lower) {
      return null;
    }
    String code = upper ? s.substring(i, i + 3) : s.substring(i, i + 3).toUpperCase(java.util.Locale.ROOT);
    return CODES.contains(code) ? code : null;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}
