package io.jobstream.aggregate;

import io.jobstream.aggregate.window.SlidingWindows;
import io.jobstream.aggregate.stats.PayCounts;

/**
 * The postings of one group slice (seniority, country, remote) of one family in one window:
 * counts and exact multisets of the annual pay figures in the reporting currency, built from
 * {@link PostingTuple} counts. Gender-coding scores (three decimals) are summed as integer
 * thousandths, so sums are exact; only postings with a description have one.
 */
public final class Cell implements SlidingWindows.Counts<Cell> {

  public long count;
  public long salaryCount;
  public long duplicatesDropped;
  public final PayCounts mid = new PayCounts();
  public final PayCounts min = new PayCounts();
  public final PayCounts max = new PayCounts();
  /** Whether {@link #min} and {@link #max} are kept (the statistics need them, the pay gaps do not). */
  private final boolean ranges;

  /** A cell that keeps the midpoints and both ends of the pay ranges. */
  public Cell() {
    this(true);
  }

  private Cell(boolean ranges) {
    this.ranges = ranges;
  }

  /**
   * A cell that keeps the midpoints only ({@link #min} and {@link #max} stay empty): the pay gaps use
   * no range ends, and sliding a window then merges one multiset per cell instead of three.
   */
  static Cell midpointsOnly() {
    return new Cell(false);
  }
  public long remote;
  public long mlHeavy;
  public long softwareHeavy;
  public long balanced;
  public long genderMilli;
  /** Postings with a gender-coding score (those with a description). */
  public long genderScored;

  /** Adds {@code n} postings with the values of {@code t}. */
  void add(PostingTuple t, long n) {
    count += n;
    duplicatesDropped += n * t.duplicates();
    if (t.remote().equals("true")) {
      remote += n;
    }
    switch (t.emphasis()) {
      case "ml_heavy" -> mlHeavy += n;
      case "software_heavy" -> softwareHeavy += n;
      case "balanced" -> balanced += n;
      default -> { }
    }
    if (t.genderMilli() != null) {
      genderMilli += n * t.genderMilli();
      genderScored += n;
    }
    if (t.mid() != null) {
      salaryCount += n;
      mid.add(t.mid(), n);
      if (ranges) {
        min.add(t.min(), n);
        max.add(t.max(), n);
      }
    }
  }

  /** No postings left. */
  @Override
  public boolean isEmpty() {
    return count == 0;
  }

  /** Adds another cell's postings into this one. */
  @Override
  public void merge(Cell other) {
    count += other.count;
    salaryCount += other.salaryCount;
    duplicatesDropped += other.duplicatesDropped;
    mid.addAll(other.mid);
    min.addAll(other.min);
    max.addAll(other.max);
    remote += other.remote;
    mlHeavy += other.mlHeavy;
    softwareHeavy += other.softwareHeavy;
    balanced += other.balanced;
    genderMilli += other.genderMilli;
    genderScored += other.genderScored;
  }

  /** Takes out postings {@link #merge merged} in before; a value none of whose postings are left goes. */
  @Override
  public void subtract(Cell other) {
    count -= other.count;
    salaryCount -= other.salaryCount;
    duplicatesDropped -= other.duplicatesDropped;
    mid.subtractAll(other.mid);
    min.subtractAll(other.min);
    max.subtractAll(other.max);
    remote -= other.remote;
    mlHeavy -= other.mlHeavy;
    softwareHeavy -= other.softwareHeavy;
    balanced -= other.balanced;
    genderMilli -= other.genderMilli;
    genderScored -= other.genderScored;
  }
}
