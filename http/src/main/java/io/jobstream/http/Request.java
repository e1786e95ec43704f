package io.jobstream.http;

import java.util.Map;

/**
 * A parsed request. The path and query are raw (percent-encoded as received): routes match the
 * raw path exactly, and {@link #query()} decodes the query strictly.
 *
 * @param method e.g. {@code GET}; a {@code HEAD} request reaches its handler as {@code GET}
 * @param rawPath the target up to {@code ?}, e.g. {@code /stats}
 * @param rawQuery after {@code ?}, or empty
 * @param headers first value of each header, names lower case
 * @param keepAlive whether the client lets the connection stay open after the answer
 */
public record Request(String method, String rawPath, String rawQuery, Map<String, String> headers, boolean keepAlive) {

  /** At most this many parameters in a query ({@value}); more is 400 {@code too_many_parameters}. */
  public static final int MAX_PARAMETERS = 100;

  public String header(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }

  /** The query's parameters, decoded; 400 for bad percent-encoding or more than {@value #MAX_PARAMETERS}. */
  public QueryParameters query() {
    return QueryParameters.parse(rawQuery, MAX_PARAMETERS);
  }

  Request asGet() {
    return new Request("GET", rawPath, rawQuery, headers, keepAlive);
  }
}
