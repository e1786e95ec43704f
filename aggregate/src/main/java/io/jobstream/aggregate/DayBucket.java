package io.jobstream.aggregate;

import io.jobstream.model.ClassifiedPosting;
import java.util.TreeMap;

/**
 * The current postings of one group on one day: how many there are, how many have pay in the
 * reporting currency, and the exact multiset of their annual pay midpoints.
 *
 * <p>The table aggregation adds a posting's new version and subtracts its old one, so a bucket
 * always reflects the latest version of each posting. Pay values repeat a lot, which keeps the
 * multiset small.
 */
public record DayBucket(long count, long salaryCount, TreeMap<Double, Long> pay) {

  public static DayBucket empty() {
    return new DayBucket(0, 0, new TreeMap<>());
  }

  /** This bucket with {@code posting} added. */
  public DayBucket plus(ClassifiedPosting posting, String reportingCurrency) {
    TreeMap<Double, Long> next = new TreeMap<>(pay);
    Double value = payValue(posting, reportingCurrency);
    if (value != null) {
      next.merge(value, 1L, Long::sum);
    }
    return new DayBucket(count + 1, salaryCount + (value != null ? 1 : 0), next);
  }

  /** This bucket with {@code posting} (a version previously added) taken out. */
  public DayBucket minus(ClassifiedPosting posting, String reportingCurrency) {
    TreeMap<Double, Long> next = new TreeMap<>(pay);
    Double value = payValue(posting, reportingCurrency);
    if (value != null) {
      next.computeIfPresent(value, (v, c) -> c > 1 ? c - 1 : null);
    }
    return new DayBucket(count - 1, salaryCount - (value != null ? 1 : 0), next);
  }

  /**
   * The annual pay midpoint in the reporting currency that the statistics use, or null when the
   * posting has no pay or none convertible to that currency.
   */
  static Double payValue(ClassifiedPosting posting, String reportingCurrency) {
    if (posting.pay() == null || !reportingCurrency.equals(posting.pay().reportingCurrency())) {
      return null;
    }
    return posting.pay().reportingMidpoint();
  }
}
