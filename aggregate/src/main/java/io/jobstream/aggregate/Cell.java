package io.jobstream.aggregate;

import java.util.TreeMap;

/**
 * The postings of one group slice (seniority, country, remote) of one family in one window:
 * counts and exact multisets of the annual pay figures in the reporting currency, built from
 * {@link PostingTuple} counts. Gender-coding scores (three decimals) are summed as integer
 * thousandths, so sums are exact; only postings with a description have one.
 */
public final class Cell {

  public long count;
  public long salaryCount;
  public long duplicatesDropped;
  public TreeMap<Double, Long> mid = new TreeMap<>();
  public TreeMap<Double, Long> min = new TreeMap<>();
  public TreeMap<Double, Long> max = new TreeMap<>();
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
      mid.merge(t.mid(), n, Long::sum);
      min.merge(t.min(), n, Long::sum);
      max.merge(t.max(), n, Long::sum);
    }
  }

  /** Adds another cell's postings into this one. */
  public void merge(Cell other) {
    count += other.count;
    salaryCount += other.salaryCount;
    duplicatesDropped += other.duplicatesDropped;
    other.mid.forEach((v, c) -> mid.merge(v, c, Long::sum));
    other.min.forEach((v, c) -> min.merge(v, c, Long::sum));
    other.max.forEach((v, c) -> max.merge(v, c, Long::sum));
    remote += other.remote;
    mlHeavy += other.mlHeavy;
    softwareHeavy += other.softwareHeavy;
    balanced += other.balanced;
    genderMilli += other.genderMilli;
    genderScored += other.genderScored;
  }

  /** Takes out postings {@link #merge merged} in before; a value none of whose postings are left goes. */
  public void subtract(Cell other) {
    count -= other.count;
    salaryCount -= other.salaryCount;
    duplicatesDropped -= other.duplicatesDropped;
    other.mid.forEach((v, c) -> mid.merge(v, -c, Cell::sumOrNone));
    other.min.forEach((v, c) -> min.merge(v, -c, Cell::sumOrNone));
    other.max.forEach((v, c) -> max.merge(v, -c, Cell::sumOrNone));
    remote -= other.remote;
    mlHeavy -= other.mlHeavy;
    softwareHeavy -= other.softwareHeavy;
    balanced -= other.balanced;
    genderMilli -= other.genderMilli;
    genderScored -= other.genderScored;
  }

  /** The sum of two counts, or null (removing the value) when it is zero. */
  private static Long sumOrNone(Long a, Long b) {
    long sum = a + b;
    return sum == 0 ? null : sum;
  }
}
