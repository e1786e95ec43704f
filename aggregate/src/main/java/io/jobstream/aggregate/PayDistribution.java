package io.jobstream.aggregate;

import java.util.Map;
import io.jobstream.aggregate.stats.PayCounts;

/**
 * An exact multiset of pay values (value -> how many postings have it), and the statistics a
 * batch computation over the same values would give.
 *
 * <p>Quantiles interpolate linearly between order statistics (the default of R, NumPy and
 * pandas: position {@code p * (n - 1)} in the sorted values). The standard deviation is the
 * sample standard deviation ({@code n - 1} in the denominator; 0 for a single value).
 */
public final class PayDistribution {

  private final PayCounts counts;

  /** An empty distribution. */
  public PayDistribution() {
    this.counts = new PayCounts();
  }

  private PayDistribution(PayCounts counts) {
    this.counts = counts;
  }

  /** A view of {@code counts}, not a copy: it must not change while in use. */
  public static PayDistribution of(PayCounts counts) {
    return new PayDistribution(counts);
  }

  public void addAll(Map<Double, Long> values) {
    values.forEach(counts::add);
  }

  public long size() {
    return counts.total();
  }

  public double min() {
    return counts.value(0);
  }

  public double max() {
    return counts.value(counts.distinct() - 1);
  }

  public double mean() {
    double sum = 0;
    for (int i = 0; i < counts.distinct(); i++) {
      sum += counts.value(i) * counts.count(i);
    }
    return sum / counts.total();
  }

  public double stddev() {
    return stddev(mean());
  }

  /** The sample standard deviation around {@code mean} (this distribution's {@link #mean()}). */
  public double stddev(double mean) {
    long n = counts.total();
    if (n < 2) {
      return 0;
    }
    double squares = 0;
    for (int i = 0; i < counts.distinct(); i++) {
      double d = counts.value(i) - mean;
      squares += d * d * counts.count(i);
    }
    return Math.sqrt(squares / (n - 1));
  }

  /** The {@code p} quantile, 0 <= p <= 1; the distribution must not be empty. */
  public double quantile(double p) {
    double position = p * (counts.total() - 1);
    long lower = (long) Math.floor(position);
    double fraction = position - lower;
    double lowValue = counts.valueAtRank(lower);
    if (fraction == 0) {
      return lowValue;
    }
    return lowValue + fraction * (counts.valueAtRank(lower + 1) - lowValue);
  }

  /**
   * The quantiles at {@code ps} (ascending, each 0 <= p <= 1), as {@link #quantile} gives them, in
   * one pass over the values.
   */
  public double[] quantiles(double... ps) {
    long n = counts.total();
    double[] out = new double[ps.length];
    int entry = 0;
    long end = counts.count(0); // ranks below end have entry's value
    for (int i = 0; i < ps.length; i++) {
      double position = ps[i] * (n - 1);
      long lower = (long) Math.floor(position);
      double fraction = position - lower;
      while (lower >= end) {
        end += counts.count(++entry);
      }
      double lowValue = counts.value(entry);
      if (fraction == 0) {
        out[i] = lowValue;
        continue;
      }
      // the next rank is the same value, or the first of the next entry (looked at, not consumed)
      double highValue = lower + 1 < end ? lowValue : counts.value(entry + 1);
      out[i] = lowValue + fraction * (highValue - lowValue);
    }
    return out;
  }
}
