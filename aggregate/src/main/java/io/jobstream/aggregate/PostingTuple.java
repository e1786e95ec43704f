package io.jobstream.aggregate;

import io.jobstream.model.ClassifiedPosting;
import java.time.LocalDate;

/**
 * What the statistics need of one posting, as a store key:
 * {@code family|yyyy-MM-dd|seniority|country|remote|emphasis|genderMilli|mid|min|max|duplicates}
 * (duplicates: cross-posted copies of the posting that are not counted).
 *
 * <p>The postings table is counted by this key, so that a posting's old version is subtracted
 * and its new one added by Kafka Streams' table aggregation at constant cost per update, however
 * many postings share a day; equal tuples (pay values repeat a lot) share one counter. Keys start
 * with family and ISO date, so one family's days are one contiguous, date-ordered key range.
 * Pay fields are {@code -} when the posting has no pay in the reporting currency, genderMilli when it
 * has no description.
 */
record PostingTuple(String family, LocalDate day, String seniority, String country, String remote,
    String emphasis, Long genderMilli, Double mid, Double min, Double max, long duplicates) {

  /** The tuple of a counted posting that stands for {@code duplicates} dropped copies. */
  static PostingTuple of(ClassifiedPosting p, String currency, long duplicates) {
    boolean pay = p.pay() != null && currency.equals(p.pay().reportingCurrency())
        && p.pay().reportingMidpoint() != null;
    return new PostingTuple(p.family(), p.eventDate(), p.seniority(),
        p.country() == null || p.country().isBlank() ? "unknown" : p.country().replaceAll("[|\\n]", ""),
        p.remote() == null ? "unknown" : p.remote().toString(),
        p.emphasis() == null ? "-" : p.emphasis(),
        p.genderCodingScore() == null ? null : Math.round(p.genderCodingScore() * 1000),
        pay ? p.pay().reportingMidpoint() : null,
        pay ? p.pay().annualMinReporting() : null,
        pay ? p.pay().annualMaxReporting() : null,
        duplicates);
  }

  String key() {
    return String.join("|", family, day.toString(), seniority, country, remote, emphasis,
        genderMilli == null ? "-" : Long.toString(genderMilli), num(mid), num(min), num(max), Long.toString(duplicates));
  }

  static PostingTuple parse(String key) {
    String[] f = key.split("\\|", -1);
    return new PostingTuple(f[0], isoDate(f[1]), f[2], f[3], f[4], f[5],
        f[6].equals("-") ? null : Long.valueOf(f[6]), value(f[7]), value(f[8]), value(f[9]), Long.parseLong(f[10]));
  }

  /** {@code yyyy-MM-dd} without the general formatter, which is slow where every tuple is read. */
  private static LocalDate isoDate(String s) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
          Integer.parseInt(s, 8, 10, 10));
    }
    return LocalDate.parse(s);
  }

  private static String num(Double v) {
    return v == null ? "-" : Double.toString(v);
  }

  private static Double value(String s) {
    return s.equals("-") ? null : Double.valueOf(s);
  }

  /** First key of a family's day (inclusive) for range scans. */
  static String from(String family, LocalDate day) {
    return family + "|" + day + "|";
  }

  /** Last key before a family's day (exclusive end) for range scans: '|' + 1 is '}'. */
  static String to(String family, LocalDate dayInclusive) {
    return family + "|" + dayInclusive + "}";
  }
}
