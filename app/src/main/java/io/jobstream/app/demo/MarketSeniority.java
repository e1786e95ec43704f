package io.jobstream.app.demo;

/**
 * Seniority in the generated market: how a title says it, how it moves pay, how often it is
 * posted, and the survey's experience code for it.
 */
enum MarketSeniority {

  ENTRY(new String[] {"Junior ", "Entry Level "}, "", 0.72, 0.12, "EN"),
  MID(new String[] {"", ""}, " II", 1.0, 0.36, "MI"),
  SENIOR(new String[] {"Senior ", "Sr. "}, "", 1.27, 0.34, "SE"),
  STAFF(new String[] {"Staff ", "Lead "}, "", 1.48, 0.12, "SE"),
  PRINCIPAL(new String[] {"Principal ", "Principal "}, "", 1.68, 0.06, "EX");

  private final String[] prefixes;
  private final String suffix;
  private final double payFactor;
  private final double share;
  private final String surveyCode;

  MarketSeniority(String[] prefixes, String suffix, double payFactor, double share, String surveyCode) {
    this.prefixes = prefixes;
    this.suffix = suffix;
    this.payFactor = payFactor;
    this.share = share;
    this.surveyCode = surveyCode;
  }

  /** A posting title: the role's title with this seniority as employers write it. */
  String title(String base, java.util.Random random) {
    String prefix = prefixes[random.nextInt(prefixes.length)];
    // "Data Scientist II" but never "Data Scientist, Product II"
    boolean suffixed = prefix.isEmpty() && !suffix.isEmpty() && !base.contains(",") && random.nextBoolean();
    return prefix + base + (suffixed ? suffix : "");
  }

  double payFactor() {
    return payFactor;
  }

  /** The ai-jobs.net survey layout's experience_level. */
  String surveyCode() {
    return surveyCode;
  }

  static MarketSeniority pick(java.util.Random random) {
    double roll = random.nextDouble();
    for (MarketSeniority s : values()) {
      roll -= s.share;
      if (roll < 0) {
        return s;
      }
    }
    return MID;
  }
}
