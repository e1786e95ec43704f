package io.jobstream.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parameters of a query string, decoded strictly: {@code %} must start two hex digits, the
 * bytes must be UTF-8, {@code +} is a space. Handlers ask for the names they know
 * ({@link #requireOnly}), for one value ({@link #single}, a repeated name is 400) or for all of a
 * repeated name ({@link #all}).
 */
public final class QueryParameters {

  /** Names and values that may be quoted back in an error message as they are. */
  private static final Pattern QUOTABLE = Pattern.compile("[A-Za-z0-9_.:/-]{1,64}");

  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  /** The parameters of a raw query string (null or empty: none), at most {@value Request#MAX_PARAMETERS}. */
  public static QueryParameters of(String rawQuery) {
    return parse(rawQuery, Request.MAX_PARAMETERS);
  }

  static QueryParameters parse(String rawQuery, int maxParameters) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new QueryParameters(values);
    }
    int count = 0;
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      if (++count > maxParameters) {
        throw HttpError.badRequest("too_many_parameters", "at most " + maxParameters + " query parameters");
      }
      int eq = part.indexOf('=');
      String name = decode(eq < 0 ? part : part.substring(0, eq));
      String value = eq < 0 ? "" : decode(part.substring(eq + 1));
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return new QueryParameters(values);
  }

  /** 400 {@code unknown_parameter} unless every name is one of {@code known}. */
  public QueryParameters requireOnly(Collection<String> known) {
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw HttpError.badRequest("unknown_parameter", "unknown query parameter " + quoted(name)
            + "; known: " + String.join(", ", known));
      }
    }
    return this;
  }

  /** The one value of {@code name}; 400 {@code repeated_parameter} when it is given twice. */
  public Optional<String> single(String name) {
    List<String> all = values.get(name);
    if (all == null) {
      return Optional.empty();
    }
    if (all.size() > 1) {
      throw HttpError.badRequest("repeated_parameter", "query parameter " + quoted(name) + " is given more than once");
    }
    return Optional.of(all.get(0));
  }

  /** Every value of {@code name} in order (none: empty). */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /**
   * {@code text} in quotes when it is harmless to show (letters, digits, {@code _.:/-}, at most 64),
   * else a placeholder: what error messages say about values from the request.
   */
  public static String quoted(String text) {
    return QUOTABLE.matcher(text).matches() ? "'" + text + "'" : "(a value that cannot be shown)";
  }

  private static String decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (lo < 0) {
          throw HttpError.badRequest("bad_encoding", "the query has a % not followed by two hex digits");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw HttpError.badRequest("bad_encoding", "the query is not UTF-8");
    }
  }
}
