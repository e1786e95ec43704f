package io.jobstream.report.page;

/** Two role families whose pay gap the report shows, {@code a} minus {@code b}. */
public record FamilyPair(String a, String b) {

  public static final FamilyPair ML_ENGINEER_DATA_SCIENTIST = new FamilyPair("ml_engineer", "data_scientist");

  /** {@code A:B}, e.g. {@code ml_engineer:data_scientist}. */
  public static FamilyPair parse(String spec) {
    String[] parts = spec.split(":", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank() || parts[0].equals(parts[1])) {
      throw new IllegalArgumentException("a pair is two different families as A:B, e.g. ml_engineer:data_scientist, not '" + spec + "'");
    }
    return new FamilyPair(parts[0].trim(), parts[1].trim());
  }

  public String id() {
    return a + "-" + b;
  }

  @Override
  public String toString() {
    return a + ":" + b;
  }
}
