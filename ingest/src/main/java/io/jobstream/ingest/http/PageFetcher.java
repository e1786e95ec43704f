package io.jobstream.ingest.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches pages over HTTP(S) with the safety limits a crawler needs: connect and read timeouts, a
 * body size cap, text content types only, and redirects followed one hop at a time with every hop
 * re-checked by the {@link AddressGuard}.
 */
public final class PageFetcher {

  /** Default cap on a body, in bytes (5 MiB). */
  public static final int DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

  /** Default connect and read timeout (10 s). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final int MAX_REDIRECTS = 5;

  private final HttpClient client;
  private final AddressGuard guard;
  private final String userAgent;
  private final int maxBodyBytes;
  private final Duration timeout;

  /**
   * @param guard decides which addresses may be fetched
   * @param userAgent sent on every request; should name jobstream and a contact URL
   * @param maxBodyBytes bodies longer than this fail with reason {@code too_large}
   * @param timeout connect timeout, and the time allowed until the response headers arrive
   */
  public PageFetcher(AddressGuard guard, String userAgent, int maxBodyBytes, Duration timeout) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.guard = guard;
    this.userAgent = userAgent;
    this.maxBodyBytes = maxBodyBytes;
    this.timeout = timeout;
  }

  /** Fetches {@code uri}, following up to five redirects. */
  public FetchedPage fetch(URI uri) throws FetchException, InterruptedException {
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      guard.check(current);
      HttpRequest request = HttpRequest.newBuilder(current)
          .timeout(timeout)
          .header("User-Agent", userAgent)
          .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5")
          .GET()
          .build();
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        throw new FetchException("io", "cannot fetch " + current + ": " + e, e);
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        closeQuietly(response.body());
        String location = response.headers().firstValue("Location").orElseThrow(
            () -> new FetchException("http_status", status + " without Location from " + uri));
        current = current.resolve(location);
        continue;
      }
      if (status != 200) {
        closeQuietly(response.body());
        throw new FetchException("http_status", "HTTP " + status + " from " + current);
      }
      String contentType = response.headers().firstValue("Content-Type").orElse("")
          .toLowerCase(Locale.ROOT).split(";")[0].trim();
      if (!contentType.isEmpty() && !contentType.startsWith("text/") && !contentType.contains("xml")
          && !contentType.contains("json")) {
        closeQuietly(response.body());
        throw new FetchException("content_type", "not a text page (" + contentType + "): " + current);
      }
      return new FetchedPage(current, contentType, readCapped(response.body(), current));
    }
    throw new FetchException("redirects", "more than " + MAX_REDIRECTS + " redirects from " + uri);
  }

  private byte[] readCapped(InputStream in, URI uri) throws FetchException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (out.size() + n > maxBodyBytes) {
          throw new FetchException("too_large", "body over " + maxBodyBytes + " bytes: " + uri);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new FetchException("io", "cannot read body of " + uri + ": " + e, e);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the response is discarded anyway
    }
  }
}
