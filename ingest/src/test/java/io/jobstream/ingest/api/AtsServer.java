package io.jobstream.ingest.api;

import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.ingest.state.CrawlState;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server standing in for an ATS API in the connector tests: it answers each
 * {@code METHOD path?query} with the answers queued for it (the last one repeats), and anything
 * else with 404. It keeps every request with its body, and the waits the fetcher was asked to make
 * between retries (recorded, not slept, so a {@code Retry-After} of minutes costs no test time).
 */
final class AtsServer implements AutoCloseable {

  /** One answer: status, content type, extra headers and body. */
  record Answer(int status, String contentType, Map<String, String> headers, String body) {

    static Answer json(String body) {
      return new Answer(200, "application/json", Map.of(), body);
    }

    static Answer xml(String body) {
      return new Answer(200, "application/xml; charset=utf-8", Map.of(), body);
    }

    static Answer html(int status, String body) {
      return new Answer(status, "text/html; charset=utf-8", Map.of(), body);
    }

    /** A 429 asking the client to wait {@code seconds}. */
    static Answer tooManyRequests(int seconds) {
      return new Answer(429, "application/json", Map.of("Retry-After", String.valueOf(seconds)),
          "{\"message\":\"rate limit exceeded\"}");
    }
  }

  /** One request as the server saw it. */
  record Seen(String method, String uri, String body, String contentType, String accept) {}

  /** Collects what a connector published and rejected. */
  static final class Sink implements PostingSink {
    final List<RawPosting> postings = new CopyOnWriteArrayList<>();
    final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

    @Override
    public void publish(RawPosting posting) {
      postings.add(posting);
    }

    @Override
    public void reject(DeadLetter deadLetter) {
      deadLetters.add(deadLetter);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    RawPosting posting(String postingId) {
      return postings.stream().filter(p -> p.postingId().equals(postingId)).findFirst()
          .orElseThrow(() -> new AssertionError("no posting " + postingId + " among " + postings.stream()
              .map(RawPosting::postingId).toList()));
    }
  }

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  private final List<Seen> requests = new CopyOnWriteArrayList<>();
  final List<Duration> waits = new CopyOnWriteArrayList<>();

  AtsServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().toString();
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      requests.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body,
          exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Accept")));
      Answer answer = next(key);
      try (exchange) {
        if (answer == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        }
      }
    });
    server.start();
  }

  private Answer next(String key) {
    Deque<Answer> queue = answers.get(key);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.size() > 1 ? queue.poll() : queue.peek();
    }
  }

  /** Answers {@code METHOD uri} with {@code answers} in turn, the last one from then on. */
  void answer(String method, String uri, Answer... in) {
    answers.put(method + " " + uri, new ArrayDeque<>(List.of(in)));
  }

  /** Answers {@code GET uri} with {@code body} as JSON. */
  void json(String uri, String body) {
    answer("GET", uri, Answer.json(body));
  }

  /** The requests so far, robots.txt left out. */
  List<Seen> requests() {
    List<Seen> seen = new ArrayList<>();
    for (Seen s : requests) {
      if (!s.uri().equals("/robots.txt")) {
        seen.add(s);
      }
    }
    return seen;
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * The API connectors with {@code type}'s base URL pointed at this server: no pause between
   * requests, 3 tries, waits recorded in {@link #waits}.
   */
  JobBoardApi api(String type, PostingSink sink) {
    return api(sink, type);
  }

  /** As {@link #api(String, PostingSink)}, with the base URLs of all of {@code types} pointed here. */
  JobBoardApi api(PostingSink sink, String... types) {
    Map<String, String> settings = new java.util.HashMap<>();
    for (String type : types) {
      settings.put("ingest." + type + ".base-url", base());
    }
    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "jobstream-test", 1024 * 1024,
        Duration.ofSeconds(5), new PageFetcher.RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofSeconds(120)), waits::add);
    return new JobBoardApi(new PoliteFetcher(fetcher, Duration.ZERO), sink, Clock.systemUTC(), CrawlState.inMemory(),
        settings);
  }

  /** A fixture written for these tests, from {@code src/test/resources/api/ats/}. */
  static String fixture(String name) {
    try (InputStream in = AtsServer.class.getResourceAsStream("/api/ats/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource api/ats/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
