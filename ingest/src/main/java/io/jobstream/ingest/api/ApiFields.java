package io.jobstream.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.Location;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

/** Reading the fields of an API's JSON leniently: absent, null and mistyped fields read as null. */
public final class ApiFields {

  private ApiFields() {
  }

  /** A scalar field as text; null when absent, null or an object or array. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  /** A number given as a JSON number or as text with thousands separators; null when absent or blank. */
  public static BigDecimal number(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    String s = n.asText().replace(",", "").trim();
    return s.isEmpty() ? null : new BigDecimal(s);
  }

  /** An amount in cents, as currency units. */
  public static BigDecimal cents(JsonNode n) {
    BigDecimal v = number(n);
    return v == null ? null : v.movePointLeft(2);
  }

  /**
   * A date from an ISO-8601 timestamp (with offset, or with {@code " UTC"}) or an ISO date, taking
   * the first ten characters when the rest is unreadable; null when there is none.
   */
  public static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.replace(" UTC", "Z").replace(' ', 'T')).toLocalDate();
    } catch (RuntimeException e) {
      try {
        return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
      } catch (RuntimeException again) {
        return null;
      }
    }
  }

  /** A place written as free text, read by {@link Location#ofText}. */
  public static Location location(String text) {
    return text == null ? null : Location.ofText(text);
  }

  public static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }
}
