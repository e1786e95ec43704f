package io.jobstream.aggregate.stats;

import java.util.Map;
import java.util.NavigableMap;

/**
 * The two-sided Mann-Whitney U test of two samples given as multisets (value -> count), with mid
 * ranks for ties, the tie-corrected variance and a continuity correction: the same as SciPy's
 * {@code mannwhitneyu(a, b, alternative="two-sided", method="asymptotic")}.
 *
 * @param u the U statistic of sample A (number of pairs where A wins, ties counting half)
 * @param z the standardized statistic (with continuity correction), sign of A's advantage
 * @param pValue two-sided p-value
 */
public record MannWhitney(double u, double z, double pValue) {

  public static MannWhitney test(NavigableMap<Double, Long> a, NavigableMap<Double, Long> b) {
    return test(PayCounts.of(a), PayCounts.of(b));
  }

  public static MannWhitney test(PayCounts a, PayCounts b) {
    long nA = a.total();
    long nB = b.total();
    if (nA == 0 || nB == 0) {
      throw new IllegalArgumentException("both samples need values");
    }
    double n = nA + nB;
    double rankSumA = 0;
    double tieTerm = 0;
    double nextRank = 1;
    int i = 0;
    int j = 0;
    while (i < a.distinct() || j < b.distinct()) {
      double value = i == a.distinct() ? b.value(j)
          : j == b.distinct() ? a.value(i) : Math.min(a.value(i), b.value(j));
      long countA = 0;
      long countB = 0;
      if (i < a.distinct() && a.value(i) == value) {
        countA = a.count(i++);
      }
      if (j < b.distinct() && b.value(j) == value) {
        countB = b.count(j++);
      }
      double t = countA + countB;
      double midRank = nextRank + (t - 1) / 2;
      rankSumA += countA * midRank;
      tieTerm += t * t * t - t;
      nextRank += t;
    }
    double u = rankSumA - nA * (nA + 1) / 2.0;
    double mean = nA * (double) nB / 2;
    double variance = nA * (double) nB / 12 * ((n + 1) - tieTerm / (n * (n - 1)));
    if (variance <= 0) {
      return new MannWhitney(u, 0, 1.0); // all values equal
    }
    double sd = Math.sqrt(variance);
    double uMax = Math.max(u, nA * (double) nB - u);
    double zAbs = (uMax - mean - 0.5) / sd;
    double p = Math.min(1.0, 2 * Normal.sf(zAbs));
    return new MannWhitney(u, Math.signum(u - mean) * Math.max(0, zAbs), p);
  }

  static long total(Map<Double, Long> sample) {
    long n = 0;
    for (long c : sample.values()) {
      n += c;
    }
    return n;
  }
}
