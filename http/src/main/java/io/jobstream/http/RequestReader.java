package io.jobstream.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.1 request from a connection within the limits: the request line (longer than
 * the limit: 414), header lines (more bytes or lines than the limit: 431), a body of at most the
 * limit (413; {@code Transfer-Encoding} is not taken: 501). Anything ambiguous, which could let a
 * proxy and this server see different requests, is 400: folded or malformed header lines, two
 * different {@code Content-Length}s, two {@code Host}s, control characters, a target that is not
 * a path.
 */
final class RequestReader {

  private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  private final HttpLimits limits;

  RequestReader(HttpLimits limits) {
    this.limits = limits;
  }

  /**
   * The next request, or null when the client closed the connection before sending one.
   *
   * @param started called at the request's first byte (its deadline starts then)
   * @throws HttpError for a request to refuse; the connection is closed after the answer
   * @throws IOException when the connection fails or ends within a request
   */
  Request read(InputStream in, Runnable started) throws IOException {
    int first = in.read();
    while (first == '\r' || first == '\n') {
      first = in.read(); // empty lines before a request are allowed
    }
    if (first < 0) {
      return null;
    }
    started.run();
    String line = line(in, first, limits.maxRequestLineBytes(), 414, "uri_too_long", "the request line is too long");
    String[] parts = line.split(" ", -1);
    if (parts.length != 3 || !METHOD.matcher(parts[0]).matches()) {
      throw HttpError.badRequest("bad_request", "malformed request line");
    }
    String version = parts[2];
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw new HttpError(505, "version_not_supported", "only HTTP/1.1 and HTTP/1.0");
    }
    String target = parts[1];
    if (!target.startsWith("/") || target.indexOf('#') >= 0 || !visibleAscii(target)) {
      throw HttpError.badRequest("bad_target", "the request target must be a path and query");
    }
    Map<String, String> headers = headers(in);
    if (version.equals("HTTP/1.1") && !headers.containsKey("host")) {
      throw HttpError.badRequest("bad_host", "an HTTP/1.1 request must have a Host header");
    }
    long length = contentLength(headers);
    skipBody(in, length);
    int q = target.indexOf('?');
    String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
    boolean keepAlive = version.equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
    return new Request(parts[0], q < 0 ? target : target.substring(0, q), q < 0 ? "" : target.substring(q + 1),
        headers, keepAlive);
  }

  private Map<String, String> headers(InputStream in) throws IOException {
    Map<String, String> headers = new HashMap<>();
    int budget = limits.maxHeaderBytes();
    for (int count = 0; ; count++) {
      int first = in.read();
      if (first < 0) {
        throw new EOFException("connection closed within the headers");
      }
      String line = line(in, first, budget, 431, "headers_too_large", "the request headers are too large");
      budget -= line.length() + 2;
      if (line.isEmpty()) {
        return headers;
      }
      if (count >= limits.maxHeaders()) {
        throw new HttpError(431, "headers_too_large", "too many request headers");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !HEADER_NAME.matcher(line.substring(0, colon)).matches()) {
        // also a line starting with a space or tab: obsolete folding, refused
        throw HttpError.badRequest("bad_header", "malformed header line");
      }
      String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
          throw HttpError.badRequest("bad_header", "control character in a header");
        }
      }
      String before = headers.putIfAbsent(name, value);
      if (before != null && (name.equals("host") || (name.equals("content-length") && !before.equals(value)))) {
        throw HttpError.badRequest("bad_header", "repeated " + name + " header");
      }
    }
  }

  private long contentLength(Map<String, String> headers) {
    if (headers.containsKey("transfer-encoding")) {
      throw new HttpError(501, "transfer_encoding_not_supported", "request bodies must have a Content-Length");
    }
    String value = headers.get("content-length");
    if (value == null) {
      return 0;
    }
    if (!value.matches("[0-9]{1,18}")) {
      throw HttpError.badRequest("bad_header", "malformed Content-Length");
    }
    long length = Long.parseLong(value);
    if (length > limits.maxBodyBytes()) {
      throw new HttpError(413, "body_too_large", "request bodies may have at most " + limits.maxBodyBytes() + " bytes");
    }
    return length;
  }

  private static void skipBody(InputStream in, long length) throws IOException {
    for (long left = length; left > 0; ) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("connection closed within the body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** One line (its first byte already read) without CRLF; a bare CR is refused. */
  private static String line(InputStream in, int first, int max, int tooLong, String code, String message)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(max, 256));
    int c = first;
    while (true) {
      if (c < 0) {
        throw new EOFException("connection closed within a line");
      }
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        if (in.read() != '\n') {
          throw HttpError.badRequest("bad_request", "bare CR in the request");
        }
        break;
      }
      if (bytes.size() >= max) {
        throw new HttpError(tooLong, code, message);
      }
      bytes.write(c);
      c = in.read();
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  private static boolean visibleAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
