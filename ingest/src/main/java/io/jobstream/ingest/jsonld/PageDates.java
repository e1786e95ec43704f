package io.jobstream.ingest.jsonld;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Dates as job pages write them: ISO 8601 dates and date-times (schema.org's form), RFC 1123
 * ({@code Wed, 05 Aug 2026 02:00:00 GMT}), Java's {@code Date.toString()} form that
 * SuccessFactors emits ({@code Wed Aug 05 02:00:00 UTC 2026}), {@code dd.MM.yyyy} and epoch
 * milliseconds. Date-times give their date in their own zone's terms, as written.
 */
final class PageDates {

  private static final List<DateTimeFormatter> ZONED = List.of(
      DateTimeFormatter.RFC_1123_DATE_TIME,
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ENGLISH));
  private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu");
  private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{12,14}");
  private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ].*");

  private PageDates() {}

  /** The date, or null when the text is none of the known forms. */
  static LocalDate parse(String text) {
    String t = text.trim();
    if (EPOCH_MILLIS.matcher(t).matches()) {
      return Instant.ofEpochMilli(Long.parseLong(t)).atOffset(ZoneOffset.UTC).toLocalDate();
    }
    try {
      return t.length() > 10 ? OffsetDateTime.parse(t).toLocalDate() : LocalDate.parse(t);
    } catch (DateTimeParseException notIso) {
      // the other forms below
    }
    if (ISO_DATE_TIME.matcher(t).matches()) {
      try {
        return LocalDate.parse(t.substring(0, 10)); // a local date-time, or one with an odd zone
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    for (DateTimeFormatter f : ZONED) {
      try {
        return ZonedDateTime.parse(t, f).toLocalDate();
      } catch (DateTimeParseException next) {
        // try the next form
      }
    }
    try {
      return LocalDate.parse(t, DOTTED);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
