package io.jobstream.app.demo;

import java.util.List;

/**
 * A role of the generated market: the family the classifier should give its titles, the titles
 * employers use for it, its pay and how its descriptions lean. Pay is a median annual base in US
 * dollars for a mid-level US posting in {@link GeneratedMarket#LAST_YEAR}, with a yearly growth
 * before it; machine-learning engineers grow faster than data scientists, so the demo's gap
 * table has a gap that widens.
 */
enum MarketRole {

  ML_ENGINEER("ml_engineer", List.of("Machine Learning Engineer", "ML Engineer",
      "Machine Learning Engineer, Recommendations", "Machine Learning Engineer, Search Ranking",
      "Machine Learning Platform Engineer"),
      172_000, 0.06, new double[] {0.50, 0.20, 0.30, 0.00}),
  DATA_SCIENTIST("data_scientist", List.of("Data Scientist", "Data Scientist, Product", "Data Scientist, Growth",
      "Data Scientist, Forecasting"),
      146_000, 0.02, new double[] {0.30, 0.00, 0.30, 0.40}),
  RESEARCH_SCIENTIST("research_scientist", List.of("AI Research Scientist", "Machine Learning Researcher",
      "Machine Learning Research Scientist"),
      190_000, 0.05, new double[] {0.80, 0.00, 0.20, 0.00}),
  AI_ENGINEER("ai_engineer", List.of("AI Engineer", "Generative AI Engineer", "AI Developer"),
      176_000, 0.07, new double[] {0.50, 0.30, 0.20, 0.00}),
  DATA_ENGINEER("data_engineer", List.of("Data Engineer", "Analytics Engineer", "Big Data Engineer",
      "Data Platform Engineer"),
      142_000, 0.03, new double[] {0.00, 0.50, 0.30, 0.20}),
  SOFTWARE_ENGINEER("software_engineer", List.of("Software Engineer", "Backend Software Engineer",
      "Software Developer", "Full Stack Software Engineer", "Software Engineer, Payments"),
      150_000, 0.03, new double[] {0.00, 0.80, 0.20, 0.00}),
  DATA_ANALYST("data_analyst", List.of("Data Analyst", "Business Intelligence Analyst", "Product Analyst",
      "Reporting Analyst"),
      92_000, 0.03, new double[] {0.00, 0.00, 0.10, 0.90}),
  QUANT("quant", List.of("Quantitative Analyst", "Quantitative Researcher", "Quant Developer"),
      185_000, 0.03, new double[] {0.30, 0.20, 0.00, 0.50}),
  STATISTICIAN("statistician", List.of("Statistician", "Statistical Programmer"),
      108_000, 0.02, new double[] {0.00, 0.00, 0.20, 0.80}),
  /** Postings outside the families the report follows, as every real board has. */
  OTHER("other", List.of("Marketing Coordinator", "Registered Nurse", "Account Executive",
      "Customer Success Manager", "Warehouse Associate", "Human Resources Generalist"),
      64_000, 0.03, new double[] {0.00, 0.00, 0.00, 0.00});

  private final String family;
  private final List<String> titles;
  private final double medianUsd;
  private final double yearlyGrowth;
  /** Weights of {@link PostingText.Lean}: ML-heavy, software-heavy, balanced, analytics. */
  private final double[] leans;

  MarketRole(String family, List<String> titles, double medianUsd, double yearlyGrowth, double[] leans) {
    this.family = family;
    this.titles = titles;
    this.medianUsd = medianUsd;
    this.yearlyGrowth = yearlyGrowth;
    this.leans = leans;
  }

  /** The family id the project's classifier gives this role's titles. */
  String family() {
    return family;
  }

  /** Titles without a seniority word. */
  List<String> titles() {
    return titles;
  }

  boolean isOther() {
    return this == OTHER;
  }

  /** Median annual base pay in US dollars of a mid-level US posting in {@code year}. */
  double medianUsd(int year) {
    return medianUsd / Math.pow(1 + yearlyGrowth, GeneratedMarket.LAST_YEAR - year);
  }

  double[] leans() {
    return leans;
  }
}
