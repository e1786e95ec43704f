package io.jobstream.aggregate;

import java.util.Map;
import java.util.TreeMap;

/**
 * An exact multiset of pay values (value -> how many postings have it), and the statistics a
 * batch computation over the same values would give.
 *
 * <p>Quantiles interpolate linearly between order statistics (the default of R, NumPy and
 * pandas: position {@code p * (n - 1)} in the sorted values). The standard deviation is the
 * sample standard deviation ({@code n - 1} in the denominator; 0 for a single value).
 */
public final class PayDistribution {

  private final TreeMap<Double, Long> counts;
  private long n;

  /** An empty distribution. */
  public PayDistribution() {
    this.counts = new TreeMap<>();
  }

  private PayDistribution(TreeMap<Double, Long> counts) {
    this.counts = counts;
    for (long c : counts.values()) {
      n += c;
    }
  }

  /** A view of {@code counts} (value -> postings), not a copy: it must not change while in use. */
  public static PayDistribution of(TreeMap<Double, Long> counts) {
    return new PayDistribution(counts);
  }

  public void addAll(Map<Double, Long> values) {
    values.forEach((value, count) -> {
      counts.merge(value, count, Long::sum);
      n += count;
    });
  }

  public long size() {
    return n;
  }

  public double min() {
    return counts.firstKey();
  }

  public double max() {
    return counts.lastKey();
  }

  public double mean() {
    double sum = 0;
    for (Map.Entry<Double, Long> e : counts.entrySet()) {
      sum += e.getKey() * e.getValue();
    }
    return sum / n;
  }

  public double stddev() {
    return stddev(mean());
  }

  /** The sample standard deviation around {@code mean} (this distribution's {@link #mean()}). */
  public double stddev(double mean) {
    if (n < 2) {
      return 0;
    }
    double squares = 0;
    for (Map.Entry<Double, Long> e : counts.entrySet()) {
      double d = e.getKey() - mean;
      squares += d * d * e.getValue();
    }
    return Math.sqrt(squares / (n - 1));
  }

  /** The {@code p} quantile, 0 <= p <= 1; the distribution must not be empty. */
  public double quantile(double p) {
    double position = p * (n - 1);
    long lower = (long) Math.floor(position);
    double fraction = position - lower;
    double lowValue = valueAt(lower);
    if (fraction == 0) {
      return lowValue;
    }
    return lowValue + fraction * (valueAt(lower + 1) - lowValue);
  }

  /**
   * The quantiles at {@code ps} (ascending, each 0 <= p <= 1), as {@link #quantile} gives them, in
   * one pass over the values.
   */
  public double[] quantiles(double... ps) {
    double[] out = new double[ps.length];
    var entries = counts.entrySet().iterator();
    Map.Entry<Double, Long> entry = entries.next();
    long end = entry.getValue(); // ranks below end have entry's value
    for (int i = 0; i < ps.length; i++) {
      double position = ps[i] * (n - 1);
      long lower = (long) Math.floor(position);
      double fraction = position - lower;
      while (lower >= end) {
        entry = entries.next();
        end += entry.getValue();
      }
      double lowValue = entry.getKey();
      if (fraction == 0) {
        out[i] = lowValue;
        continue;
      }
      // the next rank is the same value, or the first of the next entry (looked at, not consumed)
      double highValue = lower + 1 < end ? lowValue : counts.higherKey(lowValue);
      out[i] = lowValue + fraction * (highValue - lowValue);
    }
    return out;
  }

  /** The value at 0-based rank {@code rank} in sorted order. */
  private double valueAt(long rank) {
    long seen = 0;
    for (Map.Entry<Double, Long> e : counts.entrySet()) {
      seen += e.getValue();
      if (rank < seen) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("rank " + rank + " outside 0.." + (n - 1));
  }
}
