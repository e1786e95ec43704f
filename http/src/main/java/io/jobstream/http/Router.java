package io.jobstream.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which handler answers which path. Paths match the raw (still percent-encoded) request path
 * exactly: {@code /statsfoo}, {@code /stats/}, {@code /stats%3F} and {@code /health/../metrics}
 * are 404, never another route. Every route answers {@code GET} and {@code HEAD} (the body left
 * out); other methods are 405 with {@code Allow: GET, HEAD}.
 */
public final class Router {

  /** The methods every route takes. */
  public static final String ALLOW = "GET, HEAD";

  private final Map<String, Handler> exact = new ConcurrentHashMap<>();
  private final Map<String, Handler> oneSegmentUnder = new ConcurrentHashMap<>();

  /** Answers {@code GET path} (and {@code HEAD}); a path may be given once. */
  public Router get(String path, Handler handler) {
    if (!path.startsWith("/") || exact.putIfAbsent(path, handler) != null) {
      throw new IllegalArgumentException("path " + path + " is taken or does not start with /");
    }
    return this;
  }

  /**
   * Answers {@code GET prefix + SEGMENT} for one non-empty segment without {@code /}, e.g.
   * {@code /jobs/} for {@code /jobs/123} (not {@code /jobs/} nor {@code /jobs/1/2}).
   */
  public Router getUnder(String prefix, Handler handler) {
    if (!prefix.startsWith("/") || !prefix.endsWith("/") || oneSegmentUnder.putIfAbsent(prefix, handler) != null) {
      throw new IllegalArgumentException("prefix " + prefix + " is taken or is not /.../");
    }
    return this;
  }

  /** The handler for the request's path, or an {@link HttpError} (404, 405). */
  Handler route(Request request) {
    Handler handler = exact.get(request.rawPath());
    if (handler == null) {
      String path = request.rawPath();
      int slash = path.lastIndexOf('/');
      if (slash < path.length() - 1) {
        handler = oneSegmentUnder.get(path.substring(0, slash + 1));
      }
    }
    if (handler == null) {
      throw new HttpError(404, "not_found", "no such path");
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      throw new MethodNotAllowed();
    }
    return handler;
  }

  /** 405 with the {@code Allow} header. */
  static final class MethodNotAllowed extends HttpError {
    MethodNotAllowed() {
      super(405, "method_not_allowed", "only GET and HEAD");
    }

    @Override
    public Response response() {
      return super.response().header("Allow", ALLOW);
    }
  }
}
