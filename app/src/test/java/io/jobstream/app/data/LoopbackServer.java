package io.jobstream.app.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that answers the n-th request with the n-th scripted answer (the last
 * one again after that), for tests of downloads. Stalling answers wait until {@link #close()}.
 */
public final class LoopbackServer implements AutoCloseable {

  /** One scripted answer. */
  @FunctionalInterface
  public interface Answer {
    void answer(HttpExchange exchange, LoopbackServer server) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Answer> answers = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> paths = java.util.Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch closing = new CountDownLatch(1);

  public LoopbackServer(Answer... script) throws IOException {
    answers.addAll(List.of(script));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      int n = requests.getAndIncrement();
      paths.add(exchange.getRequestURI().getPath());
      try {
        answers.get(Math.min(n, answers.size() - 1)).answer(exchange, this);
      } catch (Exception e) {
        // the scripted answer may break the connection on purpose
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  /** The base URL, ending in {@code /}. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  public int requests() {
    return requests.get();
  }

  public List<String> paths() {
    return List.copyOf(paths);
  }

  /** Blocks an answer until the test ends. */
  public void stall() throws InterruptedException {
    closing.await(30, TimeUnit.SECONDS);
  }

  /** 200 with the body and its length. */
  public static Answer ok(String body) {
    return (exchange, server) -> send(exchange, 200, body);
  }

  /** {@code status} with a short text body. */
  public static Answer status(int status, String... headers) {
    return (exchange, server) -> {
      for (int i = 0; i + 1 < headers.length; i += 2) {
        exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      send(exchange, status, "status " + status);
    };
  }

  /** 200 promising {@code extra} bytes more than it sends, then the connection closes. */
  public static Answer truncated(String body, int extra) {
    return (exchange, server) -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length + extra);
      OutputStream out = exchange.getResponseBody();
      out.write(bytes);
      out.flush();
      // closing short of the length makes the server drop the connection
    };
  }

  /** 200 with the length of the whole body, the first half of it, then nothing until the test ends. */
  public static Answer stallsMidBody(String body) {
    return (exchange, server) -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
      exchange.getResponseBody().flush();
      server.stall();
    };
  }

  /** No answer at all until the test ends. */
  public static Answer stallsBeforeHeaders() {
    return (exchange, server) -> server.stall();
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
