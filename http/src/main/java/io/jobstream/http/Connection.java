package io.jobstream.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection on its own thread: reads requests, has the handler pool answer them,
 * writes the answers, and keeps the connection for the next request until it idles too long.
 * Each phase has a deadline ({@link #deadline()}); the server's reaper closes the socket of a
 * connection past it, which ends any blocked read or write here.
 */
final class Connection implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  /** What the connection is doing; idle and reading connections may be evicted for new ones. */
  enum Phase { IDLE, READING, HANDLING, WRITING }

  private final Socket socket;
  private final HttpServer server;
  private volatile Phase phase = Phase.IDLE;
  private volatile long phaseStart = System.nanoTime();
  private volatile long deadline;

  Connection(Socket socket, HttpServer server) {
    this.socket = socket;
    this.server = server;
    // a new connection has the header timeout to send its first request
    this.deadline = phaseStart + server.limits().headerTimeout().toNanos();
  }

  @Override
  public void run() {
    HttpLimits limits = server.limits();
    RequestReader reader = new RequestReader(limits);
    try (socket) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) Math.max(limits.headerTimeout().toMillis(), limits.idleTimeout().toMillis()));
      InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
      while (!socket.isClosed()) {
        Request request;
        try {
          request = reader.read(in, () -> enter(Phase.READING, limits.headerTimeout().toNanos()));
        } catch (HttpError refused) {
          write(out, refused.response(), false, false);
          lingeringClose(in);
          return;
        }
        if (request == null) {
          return;
        }
        Response response;
        if (!server.hosts().allows(request.header("host"))) {
          response = HttpError.badRequest("bad_host", "this server does not answer for that Host").response();
          write(out, response, false, false);
          return;
        }
        response = answer(request);
        boolean keep = request.keepAlive() && !socket.isClosed();
        write(out, response, request.method().equals("HEAD"), keep);
        if (!keep) {
          return;
        }
        enter(Phase.IDLE, limits.idleTimeout().toNanos());
      }
    } catch (SocketException | java.net.SocketTimeoutException | java.io.EOFException gone) {
      // the client went, or the reaper closed a connection past its deadline
    } catch (IOException e) {
      LOG.debug("connection ended: {}", Printable.of(e.getMessage()));
    } finally {
      server.closed(this);
    }
  }

  private Response answer(Request request) {
    HttpLimits limits = server.limits();
    Handler handler;
    try {
      handler = server.router().route(request);
    } catch (HttpError e) {
      return e.response();
    }
    Request asked = request.method().equals("HEAD") ? request.asGet() : request;
    enter(Phase.HANDLING, limits.requestTimeout().toNanos() + limits.writeTimeout().toNanos());
    Future<Response> pending;
    try {
      pending = server.handlers().submit(() -> handler.handle(asked));
    } catch (RejectedExecutionException e) {
      return new HttpError(503, "busy", "the server is busy; try again").response();
    }
    try {
      return pending.get(limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return new HttpError(503, "timeout", "the answer took too long; try again").response();
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return new HttpError(503, "shutting_down", "the server is stopping").response();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpError error) {
        return error.response();
      }
      LOG.warn("{} {} failed", request.method(), Printable.of(request.rawPath()), e.getCause());
      return new HttpError(500, "internal", "the server could not answer").response();
    }
  }

  private void write(OutputStream out, Response response, boolean head, boolean keepAlive) throws IOException {
    enter(Phase.WRITING, server.limits().writeTimeout().toNanos());
    byte[] body = response.body();
    StringBuilder headers = new StringBuilder(256).append("HTTP/1.1 ").append(response.status()).append(' ')
        .append(Reasons.of(response.status())).append("\r\n");
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      headers.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    if (!response.headers().containsKey("Cache-Control")) {
      headers.append("Cache-Control: no-store\r\n");
    }
    headers.append("X-Content-Type-Options: nosniff\r\n")
        .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n")
        .append("Content-Length: ").append(body.length).append("\r\n")
        .append(keepAlive ? "" : "Connection: close\r\n").append("\r\n");
    out.write(headers.toString().getBytes(StandardCharsets.US_ASCII));
    if (!head) {
      out.write(body);
    }
    out.flush();
  }

  /**
   * Closes after an error answer without losing it: the client may still be sending (a 1 MB URL),
   * and closing with unread bytes would reset the connection before it reads the answer. So the
   * sending side is shut, and what comes is read and dropped for a moment (at most 2 MiB, 2 s).
   */
  private void lingeringClose(InputStream in) {
    try {
      socket.shutdownOutput();
      socket.setSoTimeout(500);
      byte[] sink = new byte[16 * 1024];
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      for (long total = 0; total < 2 * 1024 * 1024 && System.nanoTime() < until; ) {
        int n = in.read(sink);
        if (n < 0) {
          break;
        }
        total += n;
      }
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private void enter(Phase next, long budgetNanos) {
    long now = System.nanoTime();
    phaseStart = now;
    deadline = now + budgetNanos;
    phase = next;
  }

  Phase phase() {
    return phase;
  }

  long phaseStart() {
    return phaseStart;
  }

  long deadline() {
    return deadline;
  }

  void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
