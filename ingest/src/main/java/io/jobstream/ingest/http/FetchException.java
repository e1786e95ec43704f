package io.jobstream.ingest.http;

/** A fetch that produced no usable body; {@link #reason()} is a short, bounded code. */
public final class FetchException extends Exception {

  private final String reason;
  private final int status;

  public FetchException(String reason, String message) {
    this(reason, message, 0);
  }

  /** @param status the HTTP status that caused it, 0 when there was none */
  public FetchException(String reason, String message, int status) {
    super(message);
    this.reason = reason;
    this.status = status;
  }

  public FetchException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.status = 0;
  }

  /** The HTTP status behind the failure, or 0. */
  public int status() {
    return status;
  }

  /**
   * One of: blocked_address, bad_scheme, http_status, too_large, content_type, redirects, io,
   * retry_after, robots_denied, robots_unavailable (the site's robots.txt could not be read).
   */
  public String reason() {
    return reason;
  }
}
