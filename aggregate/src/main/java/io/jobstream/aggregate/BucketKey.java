package io.jobstream.aggregate;

import java.time.LocalDate;

/**
 * Key of a day bucket: {@code family|yyyy-MM-dd}. ISO dates sort as strings, so the buckets of
 * one family over a range of days are one contiguous range of keys.
 */
record BucketKey(String family, LocalDate day) {

  static String of(String family, LocalDate day) {
    return family + "|" + day;
  }

  static BucketKey parse(String key) {
    int bar = key.lastIndexOf('|');
    return new BucketKey(key.substring(0, bar), LocalDate.parse(key.substring(bar + 1)));
  }

  @Override
  public String toString() {
    return of(family, day);
  }
}
