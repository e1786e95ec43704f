package io.jobstream.aggregate;

import java.time.LocalDate;

/**
 * The keys of the cluster stage's stores: a copy block's postings ordered by day, so that one
 * change reads a range of days instead of the whole block. A key is the block (the duplicate key,
 * normalized company and title: letters, digits, spaces, {@code |} and {@code #}), a NUL, the day
 * as 16 hexadecimal digits of its epoch day with the sign bit flipped (so that byte order is day
 * order, as a big-endian number's bytes are), then the posting id:
 * {@code acme|data engineer\08000000000004d2cR-123}. The entries of one block and day range are
 * thus one range of the store, and the day is readable in the changelog.
 */
final class CopyBlockKeys {

  private static final char SEPARATOR = '\u0000';

  /** Greater than the day part of any key: the open end of a range. */
  private static final String LAST_DAY = "ffffffffffffffff";

  private CopyBlockKeys() {}

  /** The key of a posting of {@code block} on {@code day}. */
  static String of(String block, LocalDate day, String postingId) {
    return block + SEPARATOR + day(day.toEpochDay()) + postingId;
  }

  /** The first key of {@code block} on or after {@code day} (no posting id is empty). */
  static String from(String block, LocalDate day) {
    return block + SEPARATOR + day(day.toEpochDay());
  }

  /** A key after every key of {@code block} (range ends are inclusive; it is no posting's key). */
  static String end(String block) {
    return block + SEPARATOR + LAST_DAY;
  }

  /** The posting id of a key of {@code block} made by {@link #of}. */
  static String postingId(String block, String key) {
    return key.substring(block.length() + 1 + LAST_DAY.length());
  }

  private static String day(long epochDay) {
    String hex = Long.toHexString(epochDay ^ Long.MIN_VALUE);
    return "0".repeat(16 - hex.length()) + hex;
  }
}
