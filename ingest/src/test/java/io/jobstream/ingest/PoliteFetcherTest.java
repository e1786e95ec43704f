package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.FetchException;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** robots.txt and per-host pauses against a real server on loopback. */
class PoliteFetcherTest {

  private HttpServer server;
  private volatile int robotsStatus = 200;
  private volatile String robots = "";
  private final AtomicInteger robotsRequests = new AtomicInteger();
  private final List<Duration> pauses = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        boolean isRobots = exchange.getRequestURI().getPath().equals("/robots.txt");
        int status = isRobots ? robotsStatus : 200;
        byte[] body = (isRobots ? robots : "<html>page</html>").getBytes(StandardCharsets.UTF_8);
        if (isRobots) {
          robotsRequests.incrementAndGet();
        }
        exchange.getResponseHeaders().set("Content-Type", isRobots ? "text/plain" : "text/html");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
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

  private PoliteFetcher fetcher(Duration minDelay) {
    PageFetcher plain = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "jobstream-test", 1 << 20,
        Duration.ofSeconds(5), new PageFetcher.RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1),
            Duration.ZERO), d -> { });
    return new PoliteFetcher(plain, minDelay, Duration.ofHours(24), pauses::add);
  }

  @Test
  void disallowedPathsAreNotFetchedAndRobotsIsReadOncePerSite() throws Exception {
    robots = "User-agent: *\nDisallow: /private\n\nUser-agent: jobstream\nDisallow: /jobs/secret\nAllow: /\n";
    PoliteFetcher fetcher = fetcher(Duration.ZERO);
    assertThat(fetcher.fetch(uri("/jobs/1")).text()).contains("page");
    assertThat(fetcher.fetch(uri("/private/x")).text()).contains("page"); // the jobstream group allows it
    assertThatThrownBy(() -> fetcher.fetch(uri("/jobs/secret/2")))
        .satisfies(e -> assertThat(((FetchException) e).reason()).isEqualTo("robots_denied"));
    assertThat(robotsRequests.get()).isEqualTo(1);
  }

  @Test
  void missingRobotsAllowsAndAServerErrorForbidsForNow() throws Exception {
    robotsStatus = 404;
    assertThat(fetcher(Duration.ZERO).fetch(uri("/jobs/1")).text()).contains("page");
    robotsStatus = 503;
    // not a refusal: the site did not answer for its robots.txt, and the failure says why
    assertThatThrownBy(() -> fetcher(Duration.ZERO).fetch(uri("/jobs/1")))
        .satisfies(e -> {
          FetchException f = (FetchException) e;
          assertThat(f.reason()).isEqualTo("robots_unavailable");
          assertThat(f.status()).isEqualTo(503);
          assertThat(io.jobstream.model.FetchFailureClass.of(f.reason(), f.status(), f.getMessage()))
              .isEqualTo(io.jobstream.model.FetchFailureClass.SERVER_ERROR);
        });
  }

  @Test
  void pausesBetweenRequestsToOneHostHonouringALongerCrawlDelay() throws Exception {
    robots = "User-agent: *\nCrawl-delay: 2\n";
    PoliteFetcher fetcher = fetcher(Duration.ofMillis(500));
    fetcher.fetch(uri("/a"));
    fetcher.fetch(uri("/b"));
    fetcher.fetch(uri("/c"));
    // robots.txt, then /a right after it (500 ms floor), then 2 s (Crawl-delay) before /b and /c
    assertThat(pauses).hasSize(3);
    assertThat(pauses.get(1)).isGreaterThan(Duration.ofMillis(1500));
    assertThat(pauses.get(2)).isGreaterThan(Duration.ofMillis(1500));

    pauses.clear();
    robots = "User-agent: *\nCrawl-delay: 0\n";
    PoliteFetcher floor = fetcher(Duration.ofMillis(800));
    floor.fetch(uri("/a"));
    floor.fetch(uri("/b"));
    assertThat(pauses).allMatch(p -> p.compareTo(Duration.ofMillis(600)) > 0); // never below the floor
  }
}
