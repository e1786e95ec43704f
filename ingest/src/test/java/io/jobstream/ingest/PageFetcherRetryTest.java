package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.FetchException;
import io.jobstream.ingest.http.FetchedPage;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.jsonld.JsonLdCrawler;
import io.jobstream.ingest.state.CrawlState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, Retry-After and conditional GET against a misbehaving server on loopback. */
class PageFetcherRetryTest {

  private HttpServer server;
  private volatile Consumer<HttpExchange> handler;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Duration> waits = new ArrayList<>();
  private final List<String> ifNoneMatch = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      synchronized (ifNoneMatch) {
        ifNoneMatch.add(exchange.getRequestHeaders().getFirst("If-None-Match"));
      }
      try (exchange) {
        handler.accept(exchange);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private PageFetcher fetcher() {
    return new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "jobstream-test", 1 << 20,
        Duration.ofSeconds(5), new PageFetcher.RetryPolicy(4, Duration.ofMillis(100),
            Duration.ofMillis(800), Duration.ofSeconds(60)), waits::add);
  }

  private static void send(HttpExchange e, int status, String body, String... headers) {
    try {
      for (int i = 0; i < headers.length; i += 2) {
        e.getResponseHeaders().set(headers[i], headers[i + 1]);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      e.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = e.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException ex) {
      throw new RuntimeException(ex);
    }
  }

  @Test
  void serverErrorThenSuccessIsRetriedWithBackoff() throws Exception {
    handler = e -> send(e, requests.get() < 3 ? 500 : 200, "<html>ok</html>", "Content-Type", "text/html");
    FetchedPage page = fetcher().fetch(uri("/flaky"));
    assertThat(page.text()).contains("ok");
    assertThat(requests.get()).isEqualTo(3);
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void retryAfterIsHonouredAndTooLongWaitsGiveUp() throws Exception {
    handler = e -> send(e, requests.get() == 1 ? 429 : 200, "<html>ok</html>", "Content-Type", "text/html",
        "Retry-After", "7");
    fetcher().fetch(uri("/limited"));
    assertThat(waits).containsExactly(Duration.ofSeconds(7));

    waits.clear();
    handler = e -> send(e, 429, "", "Retry-After", "3600");
    assertThatThrownBy(() -> fetcher().fetch(uri("/closed")))
        .isInstanceOf(FetchException.class)
        .satisfies(ex -> assertThat(((FetchException) ex).reason()).isEqualTo("retry_after"));
    assertThat(waits).isEmpty();
  }

  @Test
  void persistentFailureGivesUpAfterTheLastTry() {
    requests.set(0);
    handler = e -> send(e, 503, "");
    assertThatThrownBy(() -> fetcher().fetch(uri("/down")))
        .satisfies(ex -> assertThat(((FetchException) ex).reason()).isEqualTo("http_status"));
    assertThat(requests.get()).isEqualTo(4);
    assertThat(waits).hasSize(3);
    assertThat(waits.get(2)).isLessThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void conditionalGetPublishesNothingForAnUnchangedPostingPage() throws Exception {
    String posting = "<html><head><script type=\"application/ld+json\">"
        + "{\"@type\":\"JobPosting\",\"title\":\"Data Scientist\",\"identifier\":\"1\",\"datePosted\":\"2026-07-01\"}</script></head></html>";
    handler = e -> {
      String path = e.getRequestURI().getPath();
      if (path.equals("/jobs")) {
        send(e, 200, "<a href='/jobs/1'>1</a>", "Content-Type", "text/html");
      } else if ("\"v1\"".equals(e.getRequestHeaders().getFirst("If-None-Match"))) {
        send(e, 304, "");
      } else {
        send(e, 200, posting, "Content-Type", "text/html", "ETag", "\"v1\"");
      }
    };
    CrawlState state = CrawlState.inMemory();
    JsonLdCrawlerTest.CollectingSink sink = new JsonLdCrawlerTest.CollectingSink();
    JsonLdCrawler crawler = new JsonLdCrawler(new PoliteFetcher(fetcher(), Duration.ZERO), sink, 100, Clock.systemUTC(), state);
    assertThat(crawler.crawl(uri("/jobs")).postings()).isEqualTo(1);
    JsonLdCrawler.Summary again = crawler.crawl(uri("/jobs"));
    assertThat(again.notModified()).isEqualTo(1);
    assertThat(again.postings()).isZero();
    assertThat(sink.postings).hasSize(1);
    assertThat(ifNoneMatch).contains("\"v1\"");
  }
}
