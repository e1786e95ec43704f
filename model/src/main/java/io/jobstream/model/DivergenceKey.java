package io.jobstream.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * The key of a record on {@code jobs.salary.divergence}: {@code A|B|WINDOW|START|SENIORITY|COUNTRY},
 * e.g. {@code ml_engineer|software_engineer|30d/1d|2026-03-01|all|DE}. The topic's consumers read
 * this text, so its layout is a contract: six fields joined by {@code |}, the start as an ISO date. No
 * field may contain {@code |}.
 *
 * @param a the first family of the pair
 * @param b the second family of the pair
 * @param window the window spec's text (e.g. {@code 30d/1d})
 * @param windowStart the window's first day
 * @param seniority a seniority, or {@code all}
 * @param country an ISO country code, {@code unknown}, or {@code all}
 */
public record DivergenceKey(String a, String b, String window, LocalDate windowStart, String seniority,
    String country) {

  /** The names of the key's fields in the order {@link #format()} writes them (the query API's filters). */
  public static final List<String> FIELDS = List.of("a", "b", "window", "start", "seniority", "country");

  public DivergenceKey {
    KeyFields.check("divergence key", a, b, window, seniority, country);
    Objects.requireNonNull(windowStart, "divergence key: windowStart");
  }

  /** The key as the topic carries it. */
  public String format() {
    return String.join("|", a, b, window, windowStart.toString(), seniority, country);
  }

  /** The key's fields as text, in the order of {@link #FIELDS}. */
  public List<String> fields() {
    return List.of(a, b, window, windowStart.toString(), seniority, country);
  }

  /**
   * The key {@link #format()} wrote.
   *
   * @throws IllegalArgumentException naming the key when it has not six fields or no ISO start date
   */
  public static DivergenceKey parse(String key) {
    String[] f = KeyFields.split("divergence key", key, FIELDS.size());
    try {
      return new DivergenceKey(f[0], f[1], f[2], LocalDate.parse(f[3]), f[4], f[5]);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("divergence key '" + key + "': start '" + f[3] + "' is not an ISO date", e);
    }
  }

  @Override
  public String toString() {
    return format();
  }
}
