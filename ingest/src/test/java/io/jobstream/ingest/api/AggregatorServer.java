package io.jobstream.ingest.api;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.publish.PostingSink;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server standing in for the aggregator APIs: each request URI (path and query)
 * is answered with the answers queued for it, in order (the last one repeats), any other with 404.
 * An answer has a status, a content type, headers ({@code Retry-After}) and a body, which may be
 * cut short of its declared length (a truncated body). The server keeps the URIs and headers of
 * the requests it was sent.
 */
final class AggregatorServer implements AutoCloseable {

  /** One answer. {@code truncateAt} below the body's length sends only that many bytes of it. */
  record Answer(int status, String contentType, String body, Map<String, String> headers, int truncateAt) {

    static Answer json(String body) {
      return new Answer(200, "application/json", body, Map.of(), Integer.MAX_VALUE);
    }
  }

  /** A request as received: its URI and headers (names in lower case). */
  record Request(String uri, Map<String, String> headers) {}

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  AggregatorServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String uri = exchange.getRequestURI().toString();
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
      requests.add(new Request(uri, headers));
      Deque<Answer> queue = answers.get(uri);
      Answer a;
      synchronized (answers) {
        a = queue == null ? null : queue.size() > 1 ? queue.poll() : queue.peek();
      }
      try (exchange) {
        if (a == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        Headers out = exchange.getResponseHeaders();
        out.set("Content-Type", a.contentType());
        a.headers().forEach(out::set);
        exchange.sendResponseHeaders(a.status(), bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
          body.write(bytes, 0, Math.min(bytes.length, a.truncateAt()));
          body.flush();
        } catch (IOException closedEarly) {
          // a truncated body: the exchange ends before the declared length
        }
      }
    });
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code uri} with {@code body} as JSON. */
  void answer(String uri, String body) {
    answer(uri, Answer.json(body));
  }

  /** Queues answers for {@code uri}: each request takes the next; the last one repeats. */
  void answer(String uri, Answer... queued) {
    answers.put(uri, new ArrayDeque<>(List.of(queued)));
  }

  List<Request> requests() {
    return requests;
  }

  /** The URIs asked for, robots.txt left out. */
  List<String> uris() {
    return requests.stream().map(Request::uri).filter(u -> !u.equals("/robots.txt")).toList();
  }

  /**
   * The connectors pointed at this server: every connector's base URL and {@code settings} (full
   * names; {@link #DEFAULT} drops one), no pacing unless a setting asks for it, retries after 50 ms.
   */
  JobBoardApi api(PostingSink sink, Map<String, String> settings) {
    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "jobstream-test",
        1024 * 1024, Duration.ofSeconds(5),
        new PageFetcher.RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(5)),
        d -> Thread.sleep(d.toMillis()));
    Map<String, String> all = new HashMap<>();
    for (ApiConnector c : Connectors.all()) {
      all.put("ingest." + c.type() + ".base-url", base());
      all.put("ingest." + c.type() + "." + RequestPacing.SETTING, "0");
    }
    all.put("ingest.hn." + HnHiringConnector.SEARCH_URL, base());
    all.putAll(settings);
    all.values().removeIf(v -> v.equals(DEFAULT)); // the connector's own default
    return new JobBoardApi(new PoliteFetcher(fetcher, Duration.ZERO), sink, Clock.systemUTC(),
        io.jobstream.ingest.state.CrawlState.inMemory(), all);
  }

  /** A response written for these tests, from {@code src/test/resources/api/aggregators/}. */
  static String response(String name) {
    try (InputStream in = AggregatorServer.class.getResourceAsStream("/api/aggregators/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource api/aggregators/" + name);
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

  /** A setting value that removes the setting, so the connector's default applies. */
  static final String DEFAULT = "(default)";

  /** Keeps what was published and dead-lettered. */
  static final class Sink implements PostingSink {
    final List<RawPosting> postings = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();

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

    RawPosting posting(String id) {
      return postings.stream().filter(p -> p.postingId().equals(id)).findFirst().orElseThrow();
    }
  }
}
