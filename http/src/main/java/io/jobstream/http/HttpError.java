package io.jobstream.http;

/**
 * An answer other than success, thrown by the server's parser or by a handler: a status, a stable
 * machine-readable code ({@code not_found}, {@code unknown_pair}, ...) and a short message for
 * people. Neither may carry request text that was not checked: the body is JSON with
 * {@code <>&} escaped, but a message should name a bad value only once it is known to be harmless.
 */
public class HttpError extends RuntimeException {

  private final int status;
  private final String code;

  public HttpError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static HttpError badRequest(String code, String message) {
    return new HttpError(400, code, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The error as its answer: {@code {"error":CODE,"message":MESSAGE}}. */
  public Response response() {
    return Response.json(status, "{\"error\":" + Json.quote(code) + ",\"message\":" + Json.quote(getMessage()) + "}");
  }
}
