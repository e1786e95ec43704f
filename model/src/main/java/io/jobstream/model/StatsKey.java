package io.jobstream.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * The key of a record on {@code jobs.salary.stats}: {@code WINDOW|START|FAMILY|SENIORITY|COUNTRY|REMOTE},
 * e.g. {@code 30d/1d|2026-03-01|ml_engineer|senior|all|all}. The topic's consumers read this text, so
 * its layout is a contract: six fields joined by {@code |}, the start as an ISO date. No field may
 * contain {@code |} (window specs, family ids, seniorities, country codes and remote flags never do).
 *
 * @param window the window spec's text (e.g. {@code 30d/1d})
 * @param windowStart the window's first day
 * @param family the taxonomy family id
 * @param seniority a seniority, or {@code all}
 * @param country an ISO country code, {@code unknown}, or {@code all}
 * @param remote {@code true}, {@code false}, {@code unknown}, or {@code all}
 */
public record StatsKey(String window, LocalDate windowStart, String family, String seniority, String country,
    String remote) {

  /** The names of the key's fields in the order {@link #format()} writes them (the query API's filters). */
  public static final List<String> FIELDS = List.of("window", "start", "family", "seniority", "country", "remote");

  public StatsKey {
    KeyFields.check("stats key", window, family, seniority, country, remote);
    Objects.requireNonNull(windowStart, "stats key: windowStart");
  }

  /** The key as the topic carries it. */
  public String format() {
    return String.join("|", window, windowStart.toString(), family, seniority, country, remote);
  }

  /** The key's fields as text, in the order of {@link #FIELDS}. */
  public List<String> fields() {
    return List.of(window, windowStart.toString(), family, seniority, country, remote);
  }

  /**
   * The key {@link #format()} wrote.
   *
   * @throws IllegalArgumentException naming the key when it has not six fields or no ISO start date
   */
  public static StatsKey parse(String key) {
    String[] f = KeyFields.split("stats key", key, FIELDS.size());
    try {
      return new StatsKey(f[0], LocalDate.parse(f[1]), f[2], f[3], f[4], f[5]);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("stats key '" + key + "': start '" + f[1] + "' is not an ISO date", e);
    }
  }

  @Override
  public String toString() {
    return format();
  }
}
