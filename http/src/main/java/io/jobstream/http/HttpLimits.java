package io.jobstream.http;

import java.time.Duration;

/**
 * The limits of one {@link HttpServer}. Defaults ({@link #DEFAULTS}): request line 8 KiB (longer:
 * 414), headers 16 KiB and 100 lines in all (more: 431), body 16 KiB (larger: 413); 5 s for the
 * request line, headers and body to arrive once a request starts (else the connection is dropped),
 * 10 s for a handler to answer (else 503), 15 s idle between requests on a kept-alive connection,
 * 10 s to write an answer; 256 connections and 8 handler threads.
 *
 * @param maxRequestLineBytes bytes of {@code METHOD TARGET VERSION}, the URL included
 * @param maxHeaderBytes bytes of all header lines together
 * @param maxHeaders header lines
 * @param maxBodyBytes bytes of a request body (every endpoint of jobstream is a GET; a body is read
 *     and discarded so the connection can be kept)
 * @param headerTimeout from the first byte of a request (or from the connection for its first) to
 *     the end of its body; a byte a second does not extend it
 * @param requestTimeout how long a handler may take; the client then gets 503 {@code timeout}
 * @param idleTimeout how long a kept-alive connection may wait for its next request
 * @param writeTimeout how long writing an answer may take (a client that does not read is dropped)
 * @param maxConnections open connections, each with its thread; beyond it the connection that has
 *     idled or been reading longest is closed, or the new one answered 503 when all are busy
 * @param handlerThreads threads running handlers; requests wait for one in a queue of at most
 *     {@code maxConnections}
 */
public record HttpLimits(int maxRequestLineBytes, int maxHeaderBytes, int maxHeaders, int maxBodyBytes,
    Duration headerTimeout, Duration requestTimeout, Duration idleTimeout, Duration writeTimeout,
    int maxConnections, int handlerThreads) {

  public static final HttpLimits DEFAULTS = new HttpLimits(8 * 1024, 16 * 1024, 100, 16 * 1024,
      Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(10), 256, 8);

  public HttpLimits {
    if (maxRequestLineBytes < 64 || maxHeaderBytes < 256 || maxHeaders < 4 || maxBodyBytes < 0
        || maxConnections < 1 || handlerThreads < 1) {
      throw new IllegalArgumentException("HTTP limits too small: " + this);
    }
    for (Duration d : new Duration[] {headerTimeout, requestTimeout, idleTimeout, writeTimeout}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("HTTP timeouts must be positive: " + this);
      }
    }
  }

  public HttpLimits withConnections(int maxConnections, int handlerThreads) {
    return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaders, maxBodyBytes, headerTimeout,
        requestTimeout, idleTimeout, writeTimeout, maxConnections, handlerThreads);
  }

  public HttpLimits withTimeouts(Duration headerTimeout, Duration requestTimeout, Duration idleTimeout) {
    return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaders, maxBodyBytes, headerTimeout,
        requestTimeout, idleTimeout, writeTimeout, maxConnections, handlerThreads);
  }
}
