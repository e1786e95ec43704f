package io.jobstream.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Which family pairs to compare and how: {@code jobstream.divergence.pairs} (default
 * {@value #DEFAULT_PAIRS}), {@code jobstream.divergence.alpha} (default 0.05),
 * {@code jobstream.divergence.min-n} (postings with pay per side, default 30).
 */
public record DivergenceSettings(List<Pair> pairs, double alpha, long minN) {

  public static final String PAIRS_CONFIG = "jobstream.divergence.pairs";
  public static final String ALPHA_CONFIG = "jobstream.divergence.alpha";
  public static final String MIN_N_CONFIG = "jobstream.divergence.min-n";
  public static final String DEFAULT_PAIRS = "ml_engineer:data_scientist,ai_engineer:ml_engineer,data_engineer:data_analyst";

  /** Family A against family B. */
  public record Pair(String a, String b) {

    /** The pair as configured, {@code a:b}: the key of its divergence task. */
    public String key() {
      return a + ":" + b;
    }

    /** Whether {@code family} is one side of the pair. */
    public boolean has(String family) {
      return a.equals(family) || b.equals(family);
    }
  }

  /** @throws IllegalArgumentException with a one-line reason for a bad setting */
  public static DivergenceSettings from(Properties config) {
    List<Pair> pairs = new ArrayList<>();
    for (String part : config.getProperty(PAIRS_CONFIG, DEFAULT_PAIRS).split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] ab = part.trim().split(":");
      if (ab.length != 2 || ab[0].isBlank() || ab[1].isBlank() || ab[0].equals(ab[1])) {
        throw new IllegalArgumentException(PAIRS_CONFIG + ": '" + part + "' is not FAMILY_A:FAMILY_B");
      }
      pairs.add(new Pair(ab[0].trim(), ab[1].trim()));
    }
    double alpha;
    long minN;
    try {
      alpha = Double.parseDouble(config.getProperty(ALPHA_CONFIG, "0.05"));
      minN = Long.parseLong(config.getProperty(MIN_N_CONFIG, "30"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("divergence settings: " + e.getMessage());
    }
    if (!(alpha > 0 && alpha < 1) || minN < 2) {
      throw new IllegalArgumentException("divergence settings: need 0 < alpha < 1 and min-n >= 2");
    }
    return new DivergenceSettings(pairs, alpha, minN);
  }
}
