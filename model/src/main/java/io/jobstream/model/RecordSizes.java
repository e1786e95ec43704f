package io.jobstream.model;

/**
 * The size budgets of the records jobstream writes, all well under Kafka's default
 * {@code max.request.size} and {@code max.message.bytes} (1 MiB), and the rules that make a raw
 * posting fit its budget. A producer lowers a budget to what its cluster accepts
 * ({@link #budget(long, long)}), never raises it.
 *
 * <ul>
 *   <li>raw posting: {@value #RAW_POSTING_BYTES} bytes of JSON. Over it, {@code descriptionHtml}
 *       is dropped when a plain {@code description} is there, then {@code description} is cut
 *       to at most {@value #DESCRIPTION_CHARS} characters, and further until the record fits
 *       (on a character boundary, never inside a surrogate pair), and the posting is flagged
 *       {@code truncated}. One that still does not fit (a title of megabytes) is a dead letter
 *       {@code too_large}.
 *   <li>classified posting: {@value #CLASSIFIED_POSTING_BYTES} bytes of JSON, or less when the
 *       cluster takes less (checked before it is produced: under exactly-once a refused record
 *       would fail the whole transaction); title and company at most {@value #NAME_CHARS}
 *       characters, URL at most {@value #URL_CHARS}. A raw posting that would exceed any of these
 *       is a dead letter {@code too_large}.
 *   <li>dead letter: excerpt at most {@value DeadLetter#MAX_EXCERPT} characters, detail, origin
 *       and key cut to {@value #DEAD_LETTER_FIELD_CHARS}: a dead letter stays under 40 KB.
 *   <li>statistics and crawl state entries are bounded by their fields (a few KB).
 * </ul>
 */
public final class RecordSizes {

  /** Budget of one raw posting on {@code jobs.postings.raw}, in bytes of JSON. */
  public static final int RAW_POSTING_BYTES = 512 * 1024;

  /** The longest description kept when a posting must be cut, in characters. */
  public static final int DESCRIPTION_CHARS = 100_000;

  /** Budget of one classified posting on {@code jobs.postings.classified}, in bytes of JSON. */
  public static final int CLASSIFIED_POSTING_BYTES = 64 * 1024;

  /** The longest title or company a classified posting carries, in characters. */
  public static final int NAME_CHARS = 1_000;

  /** The longest URL a classified posting carries, in characters. */
  public static final int URL_CHARS = 4_000;

  /** The longest detail, origin or key of a dead letter, in characters. */
  public static final int DEAD_LETTER_FIELD_CHARS = 4_000;

  /** Room left for the record's key, headers and batch framing, in bytes. */
  public static final int FRAMING_BYTES = 16 * 1024;

  /** Kafka's default {@code max.request.size} and (about) {@code max.message.bytes}. */
  public static final int KAFKA_DEFAULT_LIMIT_BYTES = 1_048_576;

  private static final JsonSerde<RawPosting> RAW = JsonSerde.of(RawPosting.class);

  private RecordSizes() {}

  /**
   * The raw posting budget under a producer's {@code max.request.size} and a topic's
   * {@code max.message.bytes}: {@link #RAW_POSTING_BYTES}, or less when the cluster takes less.
   */
  public static int budget(long maxRequestSize, long maxMessageBytes) {
    long limit = Math.min(maxRequestSize, maxMessageBytes) - FRAMING_BYTES;
    return (int) Math.max(1024, Math.min(RAW_POSTING_BYTES, limit));
  }

  /** What {@link #fit} made of a posting. */
  public enum Outcome { FITS, TRUNCATED, TOO_LARGE }

  /**
   * A posting and its size in bytes of JSON before and after fitting.
   *
   * @param posting the posting to publish (the input when it fits, the reduced one when
   *     truncated), or the input unchanged when too large
   */
  public record Fit(Outcome outcome, RawPosting posting, int bytesBefore, int bytesAfter) {}

  /** Makes {@code posting} fit {@code budget} bytes by the rules above. */
  public static Fit fit(RawPosting posting, int budget) {
    int before = RAW.write(posting).length;
    if (before <= budget) {
      return new Fit(Outcome.FITS, posting, before, before);
    }
    RawPosting reduced = posting;
    int size = before;
    if (reduced.description() != null && reduced.descriptionHtml() != null) {
      reduced = with(reduced, reduced.description(), null);
      size = RAW.write(reduced).length;
    }
    String description = reduced.description();
    if (size > budget && description != null) {
      int keep = Math.min(description.length(), DESCRIPTION_CHARS);
      while (true) {
        reduced = with(reduced, cut(description, keep), reduced.descriptionHtml());
        size = RAW.write(reduced).length;
        if (size <= budget || keep == 0) {
          break;
        }
        // shrink in proportion to the excess (escaped characters take up to six bytes)
        int over = size - budget;
        int less = Math.max(over, keep / 8);
        keep = Math.max(0, keep - less);
      }
    }
    if (size > budget) {
      return new Fit(Outcome.TOO_LARGE, posting, before, size);
    }
    return new Fit(Outcome.TRUNCATED, reduced, before, size);
  }

  /** The first {@code chars} characters of {@code s}, not splitting a surrogate pair. */
  static String cut(String s, int chars) {
    if (s.length() <= chars) {
      return s;
    }
    int end = chars;
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** {@code s} cut to {@code chars} characters (null stays null), for bounded fields. */
  public static String bounded(String s, int chars) {
    return s == null ? null : cut(s, chars);
  }

  private static RawPosting with(RawPosting p, String description, String descriptionHtml) {
    return new RawPosting(p.schemaVersion(), p.source(), p.sourceId(), p.postingId(), p.url(), p.title(),
        p.company(), p.location(), p.remote(), p.employmentType(), p.datePosted(), p.validThrough(), description,
        descriptionHtml, p.salary(), p.fetchedAt(), p.fingerprint(), p.remoteCountries(), true);
  }
}
