package io.jobstream.aggregate;

import io.jobstream.http.HttpError;
import io.jobstream.http.QueryParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checked filters of a query API request: only the key fields of what is asked and
 * {@code local}, each at most once; {@code window} one of the configured windows (or, when they
 * are not known, a valid window spec), {@code start} a date {@code YYYY-MM-DD}, every other value
 * letters, digits and {@code _.-} (at most 64). Anything else is 400 with a stable code, naming
 * the parameter, never quoting a value it cannot show.
 */
final class QueryFilters {

  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private QueryFilters() {}

  /** The filters to match, in key order; {@code local} is left out. */
  static Map<String, String> check(ClusterQuery.Kind kind, QueryParameters params, List<String> windows) {
    List<String> known = new ArrayList<>(kind.keyFields());
    known.add("local");
    params.requireOnly(known);
    Map<String, String> filters = new LinkedHashMap<>();
    for (String field : kind.keyFields()) {
      params.single(field).ifPresent(value -> filters.put(field, value(field, value, windows)));
    }
    return filters;
  }

  /** Whether {@code local=true}; any other value than {@code true} or {@code false} is 400. */
  static boolean localOnly(QueryParameters params) {
    String local = params.single("local").orElse("false");
    if (!local.equals("true") && !local.equals("false")) {
      throw HttpError.badRequest("bad_parameter", "local is true or false");
    }
    return local.equals("true");
  }

  private static String value(String field, String value, List<String> windows) {
    switch (field) {
      case "window" -> {
        if (windows.isEmpty() ? !isWindowSpec(value) : !windows.contains(value)) {
          throw HttpError.badRequest("unknown_window", "window " + QueryParameters.quoted(value)
              + " is not configured" + (windows.isEmpty() ? "" : "; configured: " + String.join(", ", windows)));
        }
      }
      case "start" -> {
        if (!DATE.matcher(value).matches()) {
          throw HttpError.badRequest("bad_parameter", "start is a date, YYYY-MM-DD");
        }
      }
      default -> {
        if (!VALUE.matcher(value).matches()) {
          throw HttpError.badRequest("bad_parameter", field + " takes letters, digits and _.- (at most 64)");
        }
      }
    }
    return value;
  }

  private static boolean isWindowSpec(String value) {
    try {
      WindowSpec.parse(value);
      return value.length() <= 32;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
