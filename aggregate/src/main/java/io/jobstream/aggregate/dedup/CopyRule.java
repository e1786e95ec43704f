package io.jobstream.aggregate.dedup;

import java.time.LocalDate;

/**
 * When two postings are cross-posted copies of one job: the same duplicate key (normalized company
 * and title), places that can be one ({@link PlaceName#samePlace}), time spans that overlap, and
 * descriptions at least {@code threshold} similar ({@link MinHash#similarity} of their signatures
 * without boilerplate). A posting's span runs from its date to its end: its {@code validThrough}
 * when the source gives one on or after its date (at most {@value #MAX_VALID_DAYS} days on), else
 * its date plus {@code spanDays}. A repost dated after the first posting's end is another job
 * opening, counted again.
 *
 * @param threshold least description similarity of copies, 0..1 (default {@value #DEFAULT_THRESHOLD})
 * @param spanDays days a posting without {@code validThrough} is taken to be open after its date
 *     (default {@value #DEFAULT_SPAN_DAYS})
 */
public record CopyRule(double threshold, long spanDays) {

  public static final double DEFAULT_THRESHOLD = 0.8;
  public static final long DEFAULT_SPAN_DAYS = 60;

  /** The longest span a {@code validThrough} gives, in days: a far-off date is a placeholder, not an end. */
  public static final long MAX_VALID_DAYS = 365;

  public static final CopyRule DEFAULT = new CopyRule(DEFAULT_THRESHOLD, DEFAULT_SPAN_DAYS);

  public CopyRule {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the similarity threshold must be above 0 and at most 1, not " + threshold);
    }
    if (spanDays < 0) {
      throw new IllegalArgumentException("the span must be at least 0 days, not " + spanDays);
    }
  }

  /**
   * Why two postings are copies: the postings, their last open days and the similarity of their
   * descriptions; {@link #reason} says it in words.
   */
  public record Match(CopyCandidate a, CopyCandidate b, LocalDate endA, LocalDate endB, double similarity) {

    /** What was compared and found alike, for an audit (built on demand: it is not cheap). */
    public String reason() {
      return String.format(java.util.Locale.ROOT,
          "same company and title '%s'; places '%s' and '%s'; open %s..%s and %s..%s; description similarity %.2f",
          a.key(), a.traits().place(), b.traits().place(), a.date(), endA, b.date(), endB, similarity);
    }
  }

  /** The last day a posting is open. */
  public LocalDate end(CopyCandidate p) {
    LocalDate valid = p.traits().validThrough();
    if (valid != null && !valid.isBefore(p.date())) {
      LocalDate cap = p.date().plusDays(MAX_VALID_DAYS);
      return valid.isAfter(cap) ? cap : valid;
    }
    return p.date().plusDays(spanDays);
  }

  /** Whether two postings are copies, and why; null when they are not. */
  public Match match(CopyCandidate a, CopyCandidate b) {
    if (a.key() == null || !a.key().equals(b.key())) {
      return null;
    }
    return match(a, MinHash.decode(a.traits().signature()), b, MinHash.decode(b.traits().signature()));
  }

  /** {@link #match(CopyCandidate, CopyCandidate)} of postings of one key with their signatures decoded. */
  public Match match(CopyCandidate a, byte[] signatureA, CopyCandidate b, byte[] signatureB) {
    return match(a, end(a), signatureA, b, end(b), signatureB);
  }

  /**
   * {@link #match(CopyCandidate, byte[], CopyCandidate, byte[])} with each posting's {@link #end}
   * already known: a new posting is compared with every representative open on its day, so what
   * each comparison costs is what the cluster stage costs.
   */
  public Match match(CopyCandidate a, LocalDate endA, byte[] signatureA, CopyCandidate b, LocalDate endB,
      byte[] signatureB) {
    if (a.date().isAfter(endB) || b.date().isAfter(endA)) {
      return null;
    }
    if (!PlaceName.samePlace(a.traits().place(), b.traits().place())) {
      return null;
    }
    double similarity = MinHash.similarity(signatureA, signatureB, threshold);
    if (similarity < threshold) {
      return null;
    }
    return new Match(a, b, endA, endB, similarity);
  }
}
