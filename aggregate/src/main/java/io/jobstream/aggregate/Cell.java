package io.jobstream.aggregate;

import io.jobstream.model.ClassifiedPosting;
import java.util.TreeMap;

/**
 * The current postings of one group slice (seniority, country, remote) of one family on one day:
 * counts and exact multisets of the annual pay figures in the reporting currency.
 *
 * <p>Mutable and only used inside one aggregation step: {@link #add} and {@link #remove} are
 * exact inverses, so replacing a posting's version leaves no trace of the old one. Gender-coding
 * scores (three decimals) are summed as integer thousandths for the same reason.
 */
public final class Cell {

  public long count;
  public long salaryCount;
  public TreeMap<Double, Long> mid = new TreeMap<>();
  public TreeMap<Double, Long> min = new TreeMap<>();
  public TreeMap<Double, Long> max = new TreeMap<>();
  public long remote;
  public long mlHeavy;
  public long softwareHeavy;
  public long balanced;
  public long genderMilli;

  void add(ClassifiedPosting p, String currency, int sign) {
    count += sign;
    if (Boolean.TRUE.equals(p.remote())) {
      remote += sign;
    }
    if (p.emphasis() != null) {
      switch (p.emphasis()) {
        case "ml_heavy" -> mlHeavy += sign;
        case "software_heavy" -> softwareHeavy += sign;
        default -> balanced += sign;
      }
    }
    genderMilli += sign * Math.round(p.genderCodingScore() * 1000);
    if (p.pay() != null && currency.equals(p.pay().reportingCurrency()) && p.pay().reportingMidpoint() != null) {
      salaryCount += sign;
      change(mid, p.pay().reportingMidpoint(), sign);
      change(min, p.pay().annualMinReporting(), sign);
      change(max, p.pay().annualMaxReporting(), sign);
    }
  }

  private static void change(TreeMap<Double, Long> multiset, double value, int sign) {
    multiset.merge(value, (long) sign, (a, b) -> a + b == 0 ? null : a + b);
  }

  /** Adds another cell's postings into this one. */
  public void merge(Cell other) {
    count += other.count;
    salaryCount += other.salaryCount;
    other.mid.forEach((v, c) -> mid.merge(v, c, Long::sum));
    other.min.forEach((v, c) -> min.merge(v, c, Long::sum));
    other.max.forEach((v, c) -> max.merge(v, c, Long::sum));
    remote += other.remote;
    mlHeavy += other.mlHeavy;
    softwareHeavy += other.softwareHeavy;
    balanced += other.balanced;
    genderMilli += other.genderMilli;
  }
}
