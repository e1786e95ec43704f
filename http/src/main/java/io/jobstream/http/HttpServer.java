package io.jobstream.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small blocking HTTP/1.1 server (see the package description for why this and not another).
 *
 * <p>Threads, all daemon and named after the server: one accepting connections; one per open
 * connection (at most {@link HttpLimits#maxConnections()}, small stacks), which reads requests and
 * writes answers; {@link HttpLimits#handlerThreads()} running handlers, so a slow handler holds a
 * handler thread, never the reading of other requests; and a reaper that closes every connection
 * past the deadline of its phase four times a second. So a slow client costs one connection thread
 * for at most the header timeout, and when connections run out the one that has idled or been
 * reading longest is closed first: a health probe always gets a connection and a handler.
 */
public final class HttpServer implements AutoCloseable {

  /** Stack of a connection thread: it parses and copies bytes, nothing deep. */
  private static final long CONNECTION_STACK_BYTES = 256 * 1024;

  private final String name;
  private final Router router;
  private final HttpLimits limits;
  private final HostCheck hosts;
  private final ServerSocket socket;
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor connections;
  private final ThreadPoolExecutor handlers;
  private final ScheduledExecutorService reaper;
  private final Thread acceptor;
  private volatile boolean closing;

  private HttpServer(String name, InetSocketAddress bind, Router router, HttpLimits limits, HostCheck hosts)
      throws IOException {
    this.name = name;
    this.router = router;
    this.limits = limits;
    this.hosts = hosts;
    this.socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(bind, 128);
    // room beyond the limit for the threads of evicted connections that are still ending
    this.connections = new ThreadPoolExecutor(0, limits.maxConnections() + 32, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), threads(name + "-connection", CONNECTION_STACK_BYTES));
    // each connection has at most one request waiting, so the queue never refuses one
    this.handlers = new ThreadPoolExecutor(limits.handlerThreads(), limits.handlerThreads(), 0, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(limits.maxConnections()), threads(name + "-handler", 0));
    this.reaper = Executors.newSingleThreadScheduledExecutor(threads(name + "-reaper", 0));
    reaper.scheduleAtFixedRate(this::reap, 250, 250, TimeUnit.MILLISECONDS);
    this.acceptor = threads(name + "-accept", 0).newThread(this::accept);
  }

  /**
   * Starts a server on {@code bind} (port 0: a free one) answering with {@code router}.
   *
   * @param name names the threads, e.g. {@code query-api}
   * @param hosts the {@code Host} headers answered, e.g. {@link HostCheck#forBind} of the bind address
   */
  public static HttpServer start(String name, InetSocketAddress bind, Router router, HttpLimits limits,
      HostCheck hosts) throws IOException {
    HttpServer server = new HttpServer(name, bind, router, limits, hosts);
    server.acceptor.start();
    return server;
  }

  /** As above with the Host check for the bind address and no allow-list. */
  public static HttpServer start(String name, InetSocketAddress bind, Router router, HttpLimits limits)
      throws IOException {
    return start(name, bind, router, limits, HostCheck.forBind(bind.getAddress(), Set.of()));
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!closing) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        if (closing) {
          return;
        }
        continue;
      }
      if (open.size() >= limits.maxConnections() && !evictOne()) {
        refuse(client);
        continue;
      }
      Connection connection = new Connection(client, this);
      open.add(connection);
      try {
        connections.execute(connection);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // the evicted connection's thread has not ended yet
        open.remove(connection);
        refuse(client);
      }
    }
  }

  /** Closes the connection that has idled or been reading longest; false when all are busy. */
  private boolean evictOne() {
    return open.stream()
        .filter(c -> c.phase() == Connection.Phase.IDLE || c.phase() == Connection.Phase.READING)
        .min(Comparator.comparingLong(Connection::phaseStart))
        .map(c -> {
          open.remove(c);
          c.close();
          return true;
        })
        .orElse(false);
  }

  /** 503 on a fresh connection (its send buffer takes these few bytes without blocking), then closed. */
  private static void refuse(Socket client) {
    try (client; OutputStream out = client.getOutputStream()) {
      String body = "{\"error\":\"busy\",\"message\":\"too many connections; try again\"}";
      out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
          + "X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: "
          + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
    } catch (IOException ignored) {
      // the client went
    }
  }

  private void reap() {
    long now = System.nanoTime();
    for (Connection c : open) {
      if (now - c.deadline() > 0) {
        open.remove(c);
        c.close();
      }
    }
  }

  void closed(Connection connection) {
    open.remove(connection);
  }

  Router router() {
    return router;
  }

  HttpLimits limits() {
    return limits;
  }

  HostCheck hosts() {
    return hosts;
  }

  ExecutorService handlers() {
    return handlers;
  }

  /** Connections open now (for tests and metrics). */
  public int openConnections() {
    return open.size();
  }

  @Override
  public void close() {
    closing = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    open.forEach(Connection::close);
    reaper.shutdownNow();
    handlers.shutdownNow();
    connections.shutdownNow();
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " on " + socket.getLocalSocketAddress();
  }

  private static ThreadFactory threads(String name, long stackBytes) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), stackBytes);
      t.setDaemon(true);
      return t;
    };
  }
}
