package io.jobstream.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An answer: status, headers and body. Header values are checked when set (printable ASCII only),
 * so no value, wherever it came from, can end a header line. The server adds
 * {@code Content-Length}, {@code X-Content-Type-Options: nosniff}, {@code Cache-Control: no-store}
 * (unless set) and {@code Date}.
 */
public final class Response {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final byte[] body;

  private Response(int status, String contentType, byte[] body) {
    this.status = status;
    this.body = body;
    header("Content-Type", contentType);
  }

  public static Response of(int status, String contentType, String body) {
    return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public static Response json(int status, String json) {
    return of(status, "application/json", json);
  }

  public static Response html(String html) {
    return of(200, "text/html; charset=utf-8", html);
  }

  public static Response text(int status, String text) {
    return of(status, "text/plain; charset=utf-8", text);
  }

  /**
   * Sets a header.
   *
   * @throws IllegalArgumentException when the name is not a token or the value holds anything but
   *     printable ASCII (escape it with {@link Printable#of} first)
   */
  public Response header(String name, String value) {
    if (!TOKEN.matcher(name).matches() || !Printable.isHeaderSafe(value)) {
      throw new IllegalArgumentException("not a safe header: " + Printable.of(name));
    }
    headers.put(name, value);
    return this;
  }

  public Response headers(Map<String, String> more) {
    more.forEach(this::header);
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  public byte[] body() {
    return body;
  }
}
