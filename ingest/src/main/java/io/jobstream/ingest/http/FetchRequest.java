package io.jobstream.ingest.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request a connector asks for: a GET by default; a POST with a JSON body for APIs that
 * list through POST (Workday); extra headers for APIs that want them (an API key, a contact
 * address); the validators of an earlier answer for a conditional GET.
 *
 * @param method {@code GET} or {@code POST}
 * @param body the JSON body of a POST, null for a GET
 * @param headers extra request headers (never logged: they may carry keys)
 * @param etag the {@code ETag} of an earlier answer, or null
 * @param lastModified the {@code Last-Modified} of an earlier answer, or null
 */
public record FetchRequest(URI uri, String method, String body, Map<String, String> headers,
    String etag, String lastModified) {

  public FetchRequest {
    headers = Map.copyOf(headers);
  }

  /** A plain GET. */
  public static FetchRequest get(URI uri) {
    return new FetchRequest(uri, "GET", null, Map.of(), null, null);
  }

  /** A POST of a JSON body. */
  public static FetchRequest postJson(URI uri, String json) {
    return new FetchRequest(uri, "POST", json, Map.of("Content-Type", "application/json"), null, null);
  }

  /** This request with one more header. */
  public FetchRequest withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new FetchRequest(uri, method, body, more, etag, lastModified);
  }

  /** This request made conditional on the validators of an earlier answer (either may be null). */
  public FetchRequest conditional(String etag, String lastModified) {
    return new FetchRequest(uri, method, body, headers, etag, lastModified);
  }
}
