package io.jobstream.ingest.http;

/** A fetch that produced no usable body; {@link #reason()} is a short, bounded code. */
public final class FetchException extends Exception {

  private final String reason;

  public FetchException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public FetchException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** One of: blocked_address, bad_scheme, http_status, too_large, content_type, redirects, io. */
  public String reason() {
    return reason;
  }
}
