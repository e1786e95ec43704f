package io.jobstream.aggregate;

import io.jobstream.aggregate.config.JobstreamConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Which family pairs to compare and how: {@code jobstream.divergence.pairs}, {@code
 * jobstream.divergence.alpha} and {@code jobstream.divergence.min-n} (postings with pay per side),
 * declared with their defaults in {@link JobstreamConfig}.
 */
public record DivergenceSettings(List<Pair> pairs, double alpha, long minN) {

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

  /** @throws IllegalArgumentException with a one-line reason naming the key, for a bad setting */
  public static DivergenceSettings from(Properties config) {
    JobstreamConfig settings = JobstreamConfig.from(config);
    List<Pair> pairs = new ArrayList<>();
    // the config has checked that every part is FAMILY_A:FAMILY_B
    for (String part : settings.getString(JobstreamConfig.PAIRS_CONFIG).split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] ab = part.trim().split(":");
      pairs.add(new Pair(ab[0].trim(), ab[1].trim()));
    }
    return new DivergenceSettings(pairs, settings.getDouble(JobstreamConfig.ALPHA_CONFIG),
        settings.getLong(JobstreamConfig.MIN_N_CONFIG));
  }
}
