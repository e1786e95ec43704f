package io.jobstream.aggregate.stats;

import java.util.NavigableMap;

/**
 * The difference of two medians with a distribution-free confidence interval, after Price and
 * Bonett, "Distribution-free confidence intervals for difference and ratio of medians" (J. Stat.
 * Comput. Simul. 72, 2002): each median's variance is estimated from the order statistics
 * {@code Y(c)} and {@code Y(n-c+1)} with {@code c = max(1, round(n/2 - sqrt(n)))} as
 * {@code ((Y(n-c+1) - Y(c)) / (2 z))^2}, where {@code z = Φ⁻¹(1 - P(B <= c-1))} for B binomial
 * (n, 1/2); the gap's interval is {@code gap ± z(1-α/2) sqrt(var A + var B)}.
 *
 * @param medianA sample median of A (mean of the two middle values for even n)
 * @param medianB sample median of B
 * @param gap medianA - medianB
 * @param variance the estimated variance of the gap
 * @param ciLow lower end of the interval
 * @param ciHigh upper end of the interval
 */
public record MedianGap(double medianA, double medianB, double gap, double variance, double ciLow,
    double ciHigh) {

  /** The gap with a {@code confidence} (e.g. 0.95) interval. */
  public static MedianGap of(NavigableMap<Double, Long> a, NavigableMap<Double, Long> b, double confidence) {
    return of(PayCounts.of(a), PayCounts.of(b), confidence);
  }

  /** The gap with a {@code confidence} (e.g. 0.95) interval. */
  public static MedianGap of(PayCounts a, PayCounts b, double confidence) {
    double medianA = median(a);
    double medianB = median(b);
    double variance = medianVariance(a) + medianVariance(b);
    double z = Normal.ppf(1 - (1 - confidence) / 2);
    double half = z * Math.sqrt(variance);
    double gap = medianA - medianB;
    return new MedianGap(medianA, medianB, gap, variance, gap - half, gap + half);
  }

  static double median(PayCounts sample) {
    long n = sample.total();
    if (n % 2 == 1) {
      return sample.valueAtRank(n / 2);
    }
    return (sample.valueAtRank(n / 2 - 1) + sample.valueAtRank(n / 2)) / 2;
  }

  /** Price-Bonett variance of the sample median; 0 for fewer than two values. */
  static double medianVariance(PayCounts sample) {
    long n = sample.total();
    if (n < 2) {
      return 0;
    }
    long c = Math.max(1, Math.round(n / 2.0 - Math.sqrt(n)));
    double lower = sample.valueAtRank(c - 1);
    double upper = sample.valueAtRank(n - c);
    double tail = binomialHalfCdf(n, c - 1);
    double z = Normal.ppf(1 - tail);
    if (!(z > 0)) {
      return 0;
    }
    double se = (upper - lower) / (2 * z);
    return se * se;
  }

  /** P(B <= k) for B binomial(n, 1/2), summed in log space. */
  static double binomialHalfCdf(long n, long k) {
    if (k < 0) {
      return 0;
    }
    if (k >= n) {
      return 1;
    }
    double logHalfN = n * Math.log(0.5);
    double logTerm = logHalfN; // k = 0: C(n,0) = 1
    double sum = Math.exp(logTerm);
    for (long i = 1; i <= k; i++) {
      logTerm += Math.log((double) (n - i + 1) / i);
      sum += Math.exp(logTerm);
    }
    return Math.min(1, sum);
  }
}
