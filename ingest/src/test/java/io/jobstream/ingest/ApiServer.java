package io.jobstream.ingest;

import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.api.JobBoardApi;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.publish.PostingSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server standing in for the job-board APIs: it answers each request URI (path
 * and query) it was given a body for with that body as JSON, and any other with 404. It keeps the
 * URIs it was asked for.
 */
final class ApiServer implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  ApiServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String uri = exchange.getRequestURI().toString();
      requests.add(uri);
      String body = bodies.get(uri);
      try (exchange) {
        if (body == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    });
    server.start();
  }

  /** Answers {@code uri} (path and query, as the connector asks for it) with {@code body}. */
  void answer(String uri, String body) {
    bodies.put(uri, body);
  }

  /** The URIs asked for so far, in order (robots.txt included). */
  List<String> requests() {
    return requests;
  }

  /** The four connectors, all pointed at this server, publishing to {@code sink}. */
  JobBoardApi api(PostingSink sink) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "jobstream-test",
        1024 * 1024, Duration.ofSeconds(5));
    return new JobBoardApi(new PoliteFetcher(fetcher, Duration.ZERO), sink,
        Map.of("greenhouse", base, "lever", base, "ashby", base, "recruitee", base), Clock.systemUTC());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
