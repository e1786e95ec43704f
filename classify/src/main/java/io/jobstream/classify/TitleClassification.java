package io.jobstream.classify;

/**
 * The outcome of classifying one title.
 *
 * @param family role family id, e.g. {@code ml_engineer}; {@code other} when no rule matched
 * @param seniority seniority id, e.g. {@code senior}; {@code mid} when the title has no marker
 * @param soc O*NET-SOC code of the family, or null for {@code other}
 * @param socTitle the occupation's title
 * @param confidence 0..1: how sure the deciding rule is (lower for ambiguous titles)
 * @param explanation which rule and evidence decided, for audits
 * @param rule id of the deciding rule, e.g. {@code ml_engineer#1}, or {@code none}
 */
public record TitleClassification(
    String family,
    String seniority,
    String soc,
    String socTitle,
    double confidence,
    String explanation,
    String rule) {

  public static final String OTHER = "other";
  public static final String MID = "mid";
}
