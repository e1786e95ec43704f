package io.jobstream.aggregate.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;

/**
 * An exact multiset of pay values: distinct values in ascending order, each with how many
 * postings have it, in two primitive arrays. A window's multiset is moved along by adding the day
 * that enters and taking out the day that leaves, each in one merge pass over both sorted arrays
 * (no boxing, no tree nodes), which is what an emission does for every window it re-computes.
 *
 * <p>Values compare as {@code double}s ({@code -0.0} and {@code 0.0} are one value, as in a
 * sorted list of the raw figures); NaN is refused.
 */
public final class PayCounts {

  private double[] values;
  private long[] counts;
  private int distinct;
  private long total;
  // the other buffer of a merge: written, then swapped in, so that sliding allocates nothing
  private double[] spareValues = new double[0];
  private long[] spareCounts = new long[0];

  /** An empty multiset. */
  public PayCounts() {
    this.values = new double[4];
    this.counts = new long[4];
  }

  /** A copy of {@code sample} (value -> count; counts above zero). */
  public static PayCounts of(NavigableMap<Double, Long> sample) {
    PayCounts out = new PayCounts();
    out.values = new double[Math.max(4, sample.size())];
    out.counts = new long[out.values.length];
    for (Map.Entry<Double, Long> e : sample.entrySet()) {
      if (e.getValue() > 0) {
        out.values[out.distinct] = e.getKey();
        out.counts[out.distinct++] = e.getValue();
        out.total += e.getValue();
      }
    }
    return out;
  }

  /** Adds {@code n} postings with {@code value}. */
  public void add(double value, long n) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("NaN is not a pay value");
    }
    int at = Arrays.binarySearch(values, 0, distinct, value + 0.0);
    if (at >= 0) {
      counts[at] += n;
    } else {
      at = -at - 1;
      if (distinct == values.length) {
        values = Arrays.copyOf(values, distinct * 2);
        counts = Arrays.copyOf(counts, distinct * 2);
      }
      System.arraycopy(values, at, values, at + 1, distinct - at);
      System.arraycopy(counts, at, counts, at + 1, distinct - at);
      values[at] = value + 0.0; // -0.0 is stored as 0.0
      counts[at] = n;
      distinct++;
    }
    total += n;
    if (counts[at] == 0) {
      remove(at);
    }
  }

  /** Adds every posting of {@code other}. */
  public void addAll(PayCounts other) {
    merge(other, 1);
  }

  /** Takes out postings added before; a value none of whose postings are left goes. */
  public void subtractAll(PayCounts other) {
    merge(other, -1);
  }

  private void merge(PayCounts other, int sign) {
    if (other.distinct == 0) {
      return;
    }
    int capacity = distinct + other.distinct;
    if (spareValues.length < capacity) {
      spareValues = new double[capacity];
      spareCounts = new long[capacity];
    }
    int i = 0;
    int j = 0;
    int out = 0;
    while (i < distinct || j < other.distinct) {
      double value;
      long count;
      if (j == other.distinct || (i < distinct && values[i] < other.values[j])) {
        value = values[i];
        count = counts[i++];
      } else if (i == distinct || other.values[j] < values[i]) {
        value = other.values[j];
        count = sign * other.counts[j++];
      } else {
        value = values[i];
        count = counts[i++] + sign * other.counts[j++];
      }
      if (count != 0) {
        spareValues[out] = value;
        spareCounts[out++] = count;
      }
    }
    double[] v = values;
    long[] c = counts;
    values = spareValues;
    counts = spareCounts;
    spareValues = v;
    spareCounts = c;
    distinct = out;
    total += sign * other.total;
  }

  private void remove(int at) {
    System.arraycopy(values, at + 1, values, at, distinct - at - 1);
    System.arraycopy(counts, at + 1, counts, at, distinct - at - 1);
    distinct--;
  }

  /** Postings counted (the sum of the counts). */
  public long total() {
    return total;
  }

  /** Distinct values. */
  public int distinct() {
    return distinct;
  }

  /** The {@code i}-th smallest distinct value. */
  public double value(int i) {
    return values[i];
  }

  /** How many postings have the {@code i}-th smallest distinct value. */
  public long count(int i) {
    return counts[i];
  }

  /** The value at 0-based rank {@code rank} of the sorted postings. */
  public double valueAtRank(long rank) {
    long seen = 0;
    for (int i = 0; i < distinct; i++) {
      seen += counts[i];
      if (rank < seen) {
        return values[i];
      }
    }
    throw new IllegalArgumentException("rank " + rank + " outside 0.." + (total - 1));
  }

  /** Value -> count, ascending (for tests and messages). */
  public NavigableMap<Double, Long> toMap() {
    NavigableMap<Double, Long> out = new java.util.TreeMap<>();
    for (int i = 0; i < distinct; i++) {
      out.put(values[i], counts[i]);
    }
    return out;
  }

  @Override
  public String toString() {
    return toMap().toString();
  }
}
