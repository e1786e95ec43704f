package io.jobstream.app.data;

import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a data set with a direct download ({@link DataSet#downloadUrl()}) into the data
 * directory.
 *
 * <p>The body goes to a hidden temporary file beside the set's file and is moved into place, in one
 * atomic rename, only when it is whole (as long as the {@code Content-Length} said, when it said)
 * and is what the set should be (a CSV set's header has the set's first columns; an HTML page or a
 * JSON error is refused). Otherwise the temporary file is deleted, a copy fetched before stays as
 * it was, and {@link #fetch} throws a {@link FetchException}: a later run never reads a partial or
 * wrong file as data.
 *
 * <p>Transient failures are tried again, at most {@link #DEFAULT_ATTEMPTS} attempts in all by
 * default: a refused or timed-out connection, a body cut short, HTTP 5xx, and HTTP 429. The wait
 * before the next attempt doubles from {@link #DEFAULT_FIRST_BACKOFF}, unless a 429 or 503 carries
 * {@code Retry-After}: that wait is honoured, up to {@link #DEFAULT_MAX_RETRY_AFTER}; a server that
 * asks for longer fails the fetch at once rather than being asked again too soon. Any other HTTP
 * status fails at once. A request that does not deliver the whole body within the request timeout
 * fails without another attempt: the server answers, only too slowly, and each attempt would
 * wait as long again.
 *
 * <p>Instances are immutable; the {@code with...} methods return a changed copy. Only
 * {@code jobstream data fetch} and callers that need a set (the demo) use this: everything else
 * only reads the data directory.
 */
public final class DataFetcher {

  /** How long to wait for a connection to the server: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** How long one attempt may take from request to the last byte of the body: 5 minutes. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);
  /** Attempts per set, the first included: 4. */
  public static final int DEFAULT_ATTEMPTS = 4;
  /** The wait after the first failed attempt, doubled after each further one: 1 second. */
  public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofSeconds(1);
  /** The longest {@code Retry-After} that is waited for: 60 seconds. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final String USER_AGENT = "jobstream/0.1 (jobstream data fetch)";

  private final URI mirror;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int attempts;
  private final Duration firstBackoff;
  private final Duration maxRetryAfter;
  private final PrintWriter progress;

  /** A fetcher with the defaults above that downloads from each set's own URL and reports nothing. */
  public DataFetcher() {
    this(null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_ATTEMPTS, DEFAULT_FIRST_BACKOFF,
        DEFAULT_MAX_RETRY_AFTER, null);
  }

  private DataFetcher(URI mirror, Duration connectTimeout, Duration requestTimeout, int attempts,
      Duration firstBackoff, Duration maxRetryAfter, PrintWriter progress) {
    this.mirror = mirror;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
    this.maxRetryAfter = maxRetryAfter;
    this.progress = progress;
  }

  /**
   * Downloads from a mirror laid out like the data directory: {@code base} followed by the set's
   * {@link DataSet#fileName()}, instead of the publisher's URL (a local mirror, or a test server).
   * Still only sets with a direct download are fetched.
   */
  public DataFetcher from(URI base) {
    String text = base.toString();
    URI normalized = URI.create(text.endsWith("/") ? text : text + "/");
    String scheme = normalized.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException("a mirror is an http or https URL, not '" + base + "'");
    }
    return new DataFetcher(normalized, connectTimeout, requestTimeout, attempts, firstBackoff, maxRetryAfter,
        progress);
  }

  /** With other timeouts: for the connection, and for one whole attempt (request to last byte). */
  public DataFetcher withTimeouts(Duration connect, Duration request) {
    return new DataFetcher(mirror, positive(connect, "connect timeout"), positive(request, "request timeout"),
        attempts, firstBackoff, maxRetryAfter, progress);
  }

  /**
   * With another retry policy: {@code attempts} in all (at least 1), {@code firstBackoff} before the
   * second, doubling after, and at most {@code maxRetryAfter} waited for a server's
   * {@code Retry-After}.
   */
  public DataFetcher withRetries(int attempts, Duration firstBackoff, Duration maxRetryAfter) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
    }
    return new DataFetcher(mirror, connectTimeout, requestTimeout, attempts, Objects.requireNonNull(firstBackoff),
        Objects.requireNonNull(maxRetryAfter), progress);
  }

  /** Reporting progress to {@code out} (bytes so far, and the total when the server gives it). */
  public DataFetcher withProgress(PrintWriter out) {
    return new DataFetcher(mirror, connectTimeout, requestTimeout, attempts, firstBackoff, maxRetryAfter, out);
  }

  /** Whether {@code set} has a direct download (and is a file, not a folder). */
  public static boolean canFetch(DataSet set) {
    return set.downloadUrl().isPresent() && !set.isFolder();
  }

  /** Where {@code set} is downloaded from: the mirror's copy, or the publisher's URL. */
  public URI source(DataSet set) {
    if (!canFetch(set)) {
      throw new IllegalArgumentException(set.id() + " has no direct download");
    }
    return mirror != null ? mirror.resolve(set.fileName()) : URI.create(set.downloadUrl().orElseThrow());
  }

  /**
   * Downloads {@code set} into {@code dir} (creating the directory if needed), replacing a copy
   * there only once the new one is whole and right.
   *
   * @return the set's path in {@code dir}
   * @throws FetchException with a one-line message naming the set and the cause; the set's file
   *     is then as it was before the call
   */
  public Path fetch(DataSet set, DataDirectory dir) throws FetchException {
    if (!canFetch(set)) {
      throw new FetchException(set, "no direct download" + set.steps().map(s -> "; " + s).orElse(""));
    }
    URI uri = source(set);
    Path target = dir.path(set);
    try {
      Files.createDirectories(target.getParent());
    } catch (IOException e) {
      throw new FetchException(set, "cannot create " + target.getParent() + ": " + describe(e));
    }
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    report(set.id() + ": fetching " + uri);
    for (int attempt = 1; ; attempt++) {
      // hidden, and with a name no set has, so that nothing reads it as data while it grows
      Path part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
      try {
        long bytes = download(client, set, uri, part);
        ContentCheck.check(set, part);
        moveIntoPlace(part, target);
        report(set.id() + ": " + bytes(bytes) + " saved as " + target);
        return target;
      } catch (Transient t) {
        if (attempt >= attempts) {
          throw new FetchException(set, t.getMessage() + " (" + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")");
        }
        Duration wait = t.retryAfter != null ? t.retryAfter : backoff(attempt);
        report(set.id() + ": " + t.getMessage() + "; trying again in " + seconds(wait) + " (attempt "
            + (attempt + 1) + " of " + attempts + ")");
        sleep(set, wait);
      } catch (IOException e) {
        if (e instanceof FetchException f) {
          throw f;
        }
        throw new FetchException(set, "cannot write " + target + ": " + describe(e));
      } finally {
        deleteQuietly(part);
      }
    }
  }

  /** One attempt: the whole body in {@code part}, its length returned. */
  private long download(HttpClient client, DataSet set, URI uri, Path part) throws IOException, Transient {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("User-Agent", USER_AGENT)
        .GET()
        .build();
    Progress meter = new Progress(set.id());
    try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      FileBody body = new FileBody(channel, meter);
      CompletableFuture<HttpResponse<Long>> answer = client.sendAsync(request,
          info -> info.statusCode() == 200 ? body.expecting(contentLength(info.headers()))
              : BodySubscribers.replacing(-1L));
      HttpResponse<Long> response;
      try {
        // the request timeout only covers the wait for the headers; this covers the body too
        response = answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        answer.cancel(true);
        body.abort();
        throw new FetchException(set, "no whole answer within " + seconds(requestTimeout) + " from " + uri
            + " (" + bytes(body.bytes()) + " received)");
      } catch (InterruptedException e) {
        answer.cancel(true);
        body.abort();
        Thread.currentThread().interrupt();
        throw new FetchException(set, "interrupted");
      } catch (ExecutionException e) {
        Exception failure = failure(set, uri, e.getCause(), body);
        if (failure instanceof Transient t) {
          throw t;
        }
        throw (FetchException) failure;
      }
      int status = response.statusCode();
      if (status == 200) {
        long got = response.body();
        OptionalLong expected = contentLength(response.headers());
        if (expected.isPresent() && got != expected.getAsLong()) {
          throw new Transient("the body from " + uri + " ended after " + bytes(got) + " of " + bytes(expected.getAsLong()),
              null);
        }
        channel.force(true);
        meter.done(got, expected);
        return got;
      }
      String what = "HTTP " + status + " from " + uri;
      if (status == 429 || status >= 500) {
        Duration asked = retryAfter(response.headers());
        if (asked != null && asked.compareTo(maxRetryAfter) > 0) {
          throw new FetchException(set, what + ", which asks to wait " + seconds(asked) + ", longer than the "
              + seconds(maxRetryAfter) + " a fetch waits");
        }
        throw new Transient(what, asked);
      }
      if (status >= 300 && status < 400) {
        what += ", redirected to " + response.headers().firstValue("location").orElse("nowhere") + " (not followed)";
      }
      throw new FetchException(set, what);
    }
  }

  /** Sorts a failed exchange into transient (another attempt may do) and final. */
  private Exception failure(DataSet set, URI uri, Throwable cause, FileBody body) {
    if (cause instanceof HttpConnectTimeoutException) {
      return new Transient("no connection to " + hostPort(uri) + " within " + seconds(connectTimeout), null);
    }
    if (cause instanceof HttpTimeoutException) {
      return new FetchException(set, "no answer within " + seconds(requestTimeout) + " from " + uri);
    }
    ConnectException refused = connectException(cause);
    if (refused != null) {
      return new Transient("cannot connect to " + hostPort(uri) + ": " + describe(refused), null);
    }
    if (cause instanceof IOException && body.bytes() > 0) {
      return new Transient("the connection to " + hostPort(uri) + " broke after " + bytes(body.bytes()) + ": "
          + describe(cause), null);
    }
    if (cause instanceof IOException) {
      return new Transient("the exchange with " + hostPort(uri) + " failed: " + describe(cause), null);
    }
    return new FetchException(set, "the exchange with " + uri + " failed: " + describe(cause));
  }

  private static void moveIntoPlace(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // same directory, so this is rare (some network file systems); a plain replace is still one rename there
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private Duration backoff(int failedAttempt) {
    return firstBackoff.multipliedBy(1L << Math.min(failedAttempt - 1, 16));
  }

  private static void sleep(DataSet set, Duration wait) throws FetchException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(set, "interrupted");
    }
  }

  /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(HttpHeaders headers) {
    String value = headers.firstValue("retry-after").map(String::trim).orElse(null);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException e) {
      try {
        Duration until = Duration.between(ZonedDateTime.now(),
            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static OptionalLong contentLength(HttpHeaders headers) {
    return headers.firstValueAsLong("content-length");
  }

  private void report(String line) {
    if (progress != null) {
      progress.println(line);
      progress.flush();
    }
  }

  private static Duration positive(Duration d, String what) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive, not " + d);
    }
    return d;
  }

  private static ConnectException connectException(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof ConnectException e) {
        return e;
      }
    }
    return null;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }

  private static String hostPort(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  static String bytes(long n) {
    return String.format(Locale.ROOT, "%,d bytes", n);
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a hidden .part file left behind is never read as data; nothing better to do here
    }
  }

  /** A failure another attempt may get past; {@code retryAfter} is the server's wish, if any. */
  private static final class Transient extends Exception {
    final Duration retryAfter;

    Transient(String message, Duration retryAfter) {
      super(message, null, false, false);
      this.retryAfter = retryAfter;
    }
  }

  /** Progress lines on the fetcher's stream, at most one a second while the body arrives. */
  private final class Progress {
    private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final String id;
    private long lastNanos = System.nanoTime();
    private OptionalLong total = OptionalLong.empty();

    Progress(String id) {
      this.id = id;
    }

    void expecting(OptionalLong total) {
      this.total = total;
    }

    void bytes(long n) {
      long now = System.nanoTime();
      if (now - lastNanos >= EVERY_NANOS) {
        lastNanos = now;
        report(line(n, total));
      }
    }

    void done(long n, OptionalLong total) {
      report(line(n, total));
    }

    private String line(long n, OptionalLong total) {
      return id + ": " + (total.isPresent()
          ? String.format(Locale.ROOT, "%,d of %,d bytes", n, total.getAsLong())
          : DataFetcher.bytes(n));
    }
  }

  /** Writes a 200 answer's body to the open temporary file, counting bytes. */
  private static final class FileBody implements BodySubscriber<Long> {
    private final FileChannel channel;
    private final Progress meter;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile long bytes;

    FileBody(FileChannel channel, Progress meter) {
      this.channel = channel;
      this.meter = meter;
    }

    FileBody expecting(OptionalLong total) {
      meter.expecting(total);
      return this;
    }

    long bytes() {
      return bytes;
    }

    /** Stops the transfer; writes still in flight fail on the closed channel. */
    void abort() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      try {
        channel.close();
      } catch (IOException e) {
        // closing is all that is wanted
      }
      result.cancel(false);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      try {
        long n = bytes;
        for (ByteBuffer buffer : buffers) {
          while (buffer.hasRemaining()) {
            n += channel.write(buffer);
          }
        }
        bytes = n;
        meter.bytes(n);
        subscription.request(1);
      } catch (IOException e) {
        subscription.cancel();
        result.completeExceptionally(e);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes);
    }

    @Override
    public java.util.concurrent.CompletionStage<Long> getBody() {
      return result;
    }
  }
}
