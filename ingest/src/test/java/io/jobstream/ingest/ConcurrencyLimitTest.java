package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.jsonld.JsonLdCrawler;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** No more requests in flight to one host than allowed, whatever the overall concurrency. */
class ConcurrencyLimitTest {

  @ParameterizedTest(name = "concurrency {0}, per host {1}")
  @CsvSource({"1, 1", "4, 2", "4, 4"})
  void requestsInFlightPerHostStayWithinTheLimit(int concurrency, int perHost) throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", e -> {
      try (e) {
        String path = e.getRequestURI().getPath();
        if (path.equals("/robots.txt")) {
          e.sendResponseHeaders(404, -1);
          return;
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
          Thread.sleep(150);
        } catch (InterruptedException ignored) {
          Thread.currentThread().interrupt();
        }
        inFlight.decrementAndGet();
        StringBuilder html = new StringBuilder();
        if (path.equals("/jobs")) {
          for (int i = 0; i < 8; i++) {
            html.append("<a href='/jobs/").append(i).append("'>").append(i).append("</a>");
          }
        } else {
          html.append("<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"datePosted\":\"2026-07-01\",\"title\":\"Job ")
              .append(path).append("\"}</script>");
        }
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "text/html");
        e.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
          out.write(bytes);
        }
      }
    });
    server.start();
    try {
      PageFetcher plain = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "t", 1 << 20, Duration.ofSeconds(5));
      JsonLdCrawlerTest.CollectingSink sink = new JsonLdCrawlerTest.CollectingSink();
      PoliteFetcher polite = new PoliteFetcher(plain, Duration.ZERO).withConcurrency(concurrency, perHost);
      JsonLdCrawler.Summary summary = new JsonLdCrawler(polite, sink, 100, Clock.systemUTC())
          .crawl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jobs"));
      assertThat(summary.postings()).isEqualTo(8);
      assertThat(maxInFlight.get()).isLessThanOrEqualTo(perHost);
      if (perHost > 1) {
        assertThat(maxInFlight.get()).isGreaterThan(1); // the limit is used, not just respected
      }
    } finally {
      server.stop(0);
    }
  }
}
