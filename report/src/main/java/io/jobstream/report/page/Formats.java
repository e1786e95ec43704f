package io.jobstream.report.page;

import java.util.Locale;

/** How the report writes numbers: money to the unit with separators, p-values to two digits. */
public final class Formats {

  private Formats() {}

  public static String money(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%,.0f", v);
  }

  /** A signed amount, e.g. {@code +34,340} or {@code -20,367}. */
  public static String signedMoney(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%+,.0f", v);
  }

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Two significant digits, in scientific notation below 0.001 ({@code 0.047}, {@code 4.4e-188}). */
  public static String pValue(double p) {
    if (p == 0) {
      return "< 1e-300";
    }
    if (p < 0.001) {
      return String.format(Locale.ROOT, "%.1e", p);
    }
    return String.format(Locale.ROOT, "%.2g", p).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
  }

  /** A share 0..1 as a percentage with no decimals. */
  public static String percent(Double share) {
    return share == null ? "" : String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  /** A score such as the gender-coding mean, to two decimals with a sign. */
  /** An index value (such as 1 Feb 2020 = 100) to one decimal. */
  public static String index(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
  }

  public static String score(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%+.2f", v);
  }

  /** A family id as people write it: {@code ml_engineer} -> {@code ML engineers}. */
  public static String familyName(String family) {
    return switch (family) {
      case "ml_engineer" -> "ML engineers";
      case "ai_engineer" -> "AI engineers";
      case "data_scientist" -> "data scientists";
      case "data_engineer" -> "data engineers";
      case "data_analyst" -> "data analysts";
      case "software_engineer" -> "software engineers";
      case "research_scientist" -> "research scientists";
      default -> family.replace('_', ' ') + "s";
    };
  }
}
