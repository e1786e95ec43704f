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

  /** An ISO code written as a word at {@code i} (upper case, or lower case "usd"), or null. */
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
    String code = s.substring(i, i + 3);
    String upper = code.toUpperCase(java.util.Locale.ROOT);
    if (!code.equals(upper) && !code.equals(code.toLowerCase(java.util.Locale.ROOT))) {
      return null; // "Eur" in running text is not a code
    }
    return CODES.contains(upper) ? upper : null;
  }
}
