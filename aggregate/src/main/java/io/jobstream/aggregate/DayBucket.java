package io.jobstream.aggregate;

import io.jobstream.model.ClassifiedPosting;
import java.util.TreeMap;

/**
 * The current postings of one family on one day, split into cells by
 * {@code seniority|country|remote} (country {@code unknown} when the posting gave none).
 *
 * <p>The table aggregation adds a posting's new version and subtracts its old one, so a bucket
 * always reflects the latest version of each posting. Cells that fall to zero postings stay (with
 * zero counts), so that statistics of a slice that emptied are emitted as zero rather than left
 * stale. Pay values repeat a lot, which keeps the multisets small.
 */
public record DayBucket(TreeMap<String, Cell> cells) {

  public static DayBucket empty() {
    return new DayBucket(new TreeMap<>());
  }

  /** The cell key of a posting. */
  static String cellKey(ClassifiedPosting p) {
    String country = p.country() == null || p.country().isBlank() ? "unknown" : p.country();
    String remote = p.remote() == null ? "unknown" : p.remote().toString();
    return p.seniority() + "|" + country + "|" + remote;
  }

  /** This bucket with {@code posting} added (the aggregation owns the bucket; it is changed in place). */
  public DayBucket plus(ClassifiedPosting posting, String reportingCurrency) {
    cells.computeIfAbsent(cellKey(posting), k -> new Cell()).add(posting, reportingCurrency, 1);
    return this;
  }

  /** This bucket with {@code posting} (a version previously added) taken out. */
  public DayBucket minus(ClassifiedPosting posting, String reportingCurrency) {
    cells.computeIfAbsent(cellKey(posting), k -> new Cell()).add(posting, reportingCurrency, -1);
    return this;
  }

  /** All postings of the bucket in one cell. */
  public long count() {
    return cells.values().stream().mapToLong(c -> c.count).sum();
  }
}
