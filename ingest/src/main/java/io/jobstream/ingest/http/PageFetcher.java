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

  /**
   * How failed requests are retried: up to {@code maxAttempts} tries on network errors and
   * timeouts, 429 and 5xx, waiting {@code baseDelay x 2^(try-1)} (at most {@code maxDelay}) with
   * full jitter between half and all of it, or what the server's {@code Retry-After} asks for when
   * that is at most {@code maxRetryAfter} (longer waits give up).
   */
  public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    /** 4 tries, 500 ms doubling to at most 30 s; Retry-After honoured up to 120 s. */
    public static final RetryPolicy DEFAULT =
        new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(120));
  }

  /** Waits between retries; tests replace it to observe the waits. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final HttpClient client;
  private final AddressGuard guard;
  private final String userAgent;
  private final int maxBodyBytes;
  private final Duration timeout;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final java.util.Random jitter = new java.util.Random();

  /**
   * @param guard decides which addresses may be fetched
   * @param userAgent sent on every request; should name jobstream and a contact URL
   * @param maxBodyBytes bodies longer than this fail with reason {@code too_large}
   * @param timeout connect timeout, and the time allowed until the response headers arrive
   */
  public PageFetcher(AddressGuard guard, String userAgent, int maxBodyBytes, Duration timeout) {
    this(guard, userAgent, maxBodyBytes, timeout, RetryPolicy.DEFAULT, d -> Thread.sleep(d.toMillis()));
  }

  public PageFetcher(AddressGuard guard, String userAgent, int maxBodyBytes, Duration timeout,
      RetryPolicy retry, Sleeper sleeper) {
    this.retry = retry;
    this.sleeper = sleeper;
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
    return fetch(uri, null, null);
  }

  /**
   * Fetches {@code uri} conditionally: with the validators of an earlier fetch, a 304 answer gives
   * a page with {@code notModified} set and no body. Retries as the {@link RetryPolicy} says.
   */
  public FetchedPage fetch(URI uri, String etag, String lastModified)
      throws FetchException, InterruptedException {
    return fetch(uri, etag, lastModified, () -> { });
  }

  /** As {@link #fetch(URI, String, String)}, calling {@code onRetry} before each retry. */
  public FetchedPage fetch(URI uri, String etag, String lastModified, Runnable onRetry)
      throws FetchException, InterruptedException {
    return fetch(FetchRequest.get(uri).conditional(etag, lastModified), onRetry);
  }

  /**
   * Sends {@code request} (GET or POST, with its headers and validators), retrying as the
   * {@link RetryPolicy} says and calling {@code onRetry} before each retry.
   */
  public FetchedPage fetch(FetchRequest request, Runnable onRetry) throws FetchException, InterruptedException {
    URI uri = request.uri();
    for (int attempt = 1; ; attempt++) {
      try {
        return fetchOnce(request);
      } catch (RetryableException e) {
        if (attempt >= retry.maxAttempts()) {
          throw e.failure;
        }
        Duration wait = e.retryAfter != null ? e.retryAfter : backoff(attempt);
        if (wait.compareTo(retry.maxRetryAfter()) > 0) {
          throw new FetchException("retry_after", "server asks to wait " + wait.toSeconds()
              + " s before retrying " + uri + "; giving up for this pass");
        }
        onRetry.run();
        sleeper.sleep(wait);
      }
    }
  }

  private Duration backoff(int attempt) {
    long exponential = retry.baseDelay().toMillis() << Math.min(20, attempt - 1);
    long capped = Math.min(retry.maxDelay().toMillis(), exponential);
    return Duration.ofMillis(capped / 2 + (long) (jitter.nextDouble() * (capped / 2.0)));
  }

  /** A failure worth another try, and how long the server asked to wait (or null). */
  private static final class RetryableException extends Exception {
    final FetchException failure;
    final Duration retryAfter;

    RetryableException(FetchException failure, Duration retryAfter) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
      this.retryAfter = retryAfter;
    }
  }

  private FetchedPage fetchOnce(FetchRequest request)
      throws FetchException, InterruptedException, RetryableException {
    URI uri = request.uri();
    String etag = request.etag();
    String lastModified = request.lastModified();
    URI current = uri;
    // a POST answered by 307 or 308 is repeated at the new address; by 301, 302 or 303 it becomes a GET
    boolean post = request.method().equals("POST");
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      guard.check(current);
      HttpRequest.Builder builder = HttpRequest.newBuilder(current)
          .timeout(timeout)
          .header("User-Agent", userAgent)
          .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5")
          .header("Accept-Encoding", "gzip");
      if (hop == 0 && etag != null) {
        builder.header("If-None-Match", etag);
      }
      if (hop == 0 && lastModified != null) {
        builder.header("If-Modified-Since", lastModified);
      }
      request.headers().forEach(builder::setHeader);
      if (post) {
        builder.POST(HttpRequest.BodyPublishers.ofString(request.body() == null ? "" : request.body()));
      } else {
        builder.GET();
      }
      HttpResponse<InputStream> response;
      try {
        response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        throw new RetryableException(new FetchException("io", "cannot fetch " + current + ": " + e, e), null);
      }
      int status = response.statusCode();
      if (status == 304) {
        closeQuietly(response.body());
        return new FetchedPage(current, "", new byte[0], true, etag, lastModified, null);
      }
      if (status == 429 || status >= 500) {
        closeQuietly(response.body());
        throw new RetryableException(new FetchException("http_status", "HTTP " + status + " from " + current, status),
            retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
      }
      if (status >= 300 && status < 400 && status != 304) {
        closeQuietly(response.body());
        String location = response.headers().firstValue("Location").orElseThrow(
            () -> new FetchException("http_status", status + " without Location from " + uri));
        current = current.resolve(location);
        post = post && (status == 307 || status == 308);
        continue;
      }
      if (status != 200) {
        closeQuietly(response.body());
        throw new FetchException("http_status", "HTTP " + status + " from " + current, status);
      }
      String contentTypeHeader = response.headers().firstValue("Content-Type").orElse(null);
      String contentType = (contentTypeHeader == null ? "" : contentTypeHeader)
          .toLowerCase(Locale.ROOT).split(";")[0].trim();
      String encoding = response.headers().firstValue("Content-Encoding").orElse("")
          .toLowerCase(Locale.ROOT).trim();
      boolean gzipFile = (contentType.contains("gzip") || contentType.equals("application/octet-stream"))
          && current.getPath() != null && current.getPath().endsWith(".gz");
      if (!contentType.isEmpty() && !contentType.startsWith("text/") && !contentType.contains("xml")
          && !contentType.contains("json") && !gzipFile) {
        closeQuietly(response.body());
        throw new FetchException("content_type", "not a text page (" + contentType + "): " + current);
      }
      String compression = encoding.equals("gzip") || encoding.equals("x-gzip") || gzipFile ? "gzip"
          : encoding.equals("deflate") ? "deflate" : "";
      if (compression.isEmpty() && !encoding.isEmpty() && !encoding.equals("identity")) {
        closeQuietly(response.body());
        throw new FetchException("content_type", "unsupported Content-Encoding " + encoding + ": " + current);
      }
      return new FetchedPage(current, contentType, readCapped(response.body(), compression, current), false,
          response.headers().firstValue("ETag").orElse(null),
          response.headers().firstValue("Last-Modified").orElse(null), contentTypeHeader);
    }
    throw new FetchException("redirects", "more than " + MAX_REDIRECTS + " redirects from " + uri);
  }

  /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(value.trim(),
            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(java.time.Instant.now(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (java.time.format.DateTimeParseException notDate) {
        return null;
      }
    }
  }

  /**
   * Reads a body (after decompression) up to the size cap, within the timeout: a server that
   * sends headers and then trickles the body is cut off when the time is up.
   */
  private byte[] readCapped(InputStream raw, String compression, URI uri) throws FetchException {
    java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> closeQuietly(raw),
        timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    long started = System.nanoTime();
    try (InputStream in = compression.equals("gzip") ? new java.util.zip.GZIPInputStream(raw)
        : compression.equals("deflate") ? new java.util.zip.InflaterInputStream(raw) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (out.size() + n > maxBodyBytes) {
          // counted after decompression: a small gzip bomb stops here too
          throw new FetchException("too_large", "body over " + maxBodyBytes + " bytes"
              + (compression.isEmpty() ? "" : " after decompression") + ": " + uri);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      if (System.nanoTime() - started >= timeout.toNanos()) {
        throw new FetchException("io", "body of " + uri + " not complete within " + timeout.toSeconds() + " s", e);
      }
      throw new FetchException("io", "cannot read body of " + uri + ": " + e, e);
    } finally {
      watchdog.cancel(false);
    }
  }

  /** Closes bodies that take longer than the timeout; one daemon thread for all fetchers. */
  private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fetch-body-watchdog");
        t.setDaemon(true);
        return t;
      });

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the response is discarded anyway
    }
  }
}
