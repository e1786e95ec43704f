package io.jobstream.model;

import java.time.Instant;

/**
 * Anything that could not become a posting or a statistic: the value of {@code jobs.postings.dlq}.
 *
 * @param stage where it was rejected: {@code ingest} or {@code stream}
 * @param reason a short, bounded reason code such as {@code not_json} or {@code no_title}
 * @param detail a human-readable explanation
 * @param origin what was being read: a URL, a file and row, or topic/partition/offset
 * @param key the record key, when there was one
 * @param excerpt the start of the offending input (at most {@link #MAX_EXCERPT} characters)
 */
public record DeadLetter(
    int schemaVersion,
    String stage,
    String reason,
    String detail,
    String origin,
    String key,
    String excerpt,
    Instant at) {

  public static final int SCHEMA_VERSION = 1;
  public static final int MAX_EXCERPT = 2000;

  /** A dead letter with its detail, origin and key cut to their budget ({@link RecordSizes}). */
  public static DeadLetter of(
      String stage, String reason, String detail, String origin, String key, String input) {
    int max = RecordSizes.DEAD_LETTER_FIELD_CHARS;
    return new DeadLetter(SCHEMA_VERSION, stage, reason, RecordSizes.bounded(detail, max),
        RecordSizes.bounded(origin, max), RecordSizes.bounded(key, max), excerpt(input), Instant.now());
  }

  public static String excerpt(String input) {
    if (input == null) {
      return null;
    }
    return RecordSizes.bounded(input, MAX_EXCERPT);
  }
}
