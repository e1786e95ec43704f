package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.state.CrawlState;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Continuous mode re-polls each source on its own interval. */
class ContinuousModeTest {

  @Test
  void eachSourceIsPolledOnItsOwnInterval() throws Exception {
    Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", e -> {
      try (e) {
        hits.computeIfAbsent(e.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
        byte[] body = "<html></html>".getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "text/html");
        e.sendResponseHeaders(e.getRequestURI().getPath().equals("/robots.txt") ? 404 : 200, body.length);
        try (OutputStream out = e.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    PageFetcher plain = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "t", 1 << 20, Duration.ofSeconds(5));
    Ingestor ingestor = new Ingestor(
        List.of(SourceSpec.parse("jsonld:" + base + "/fast@200ms"), SourceSpec.parse("jsonld:" + base + "/slow")),
        new PoliteFetcher(plain, Duration.ZERO), new JsonLdCrawlerTest.CollectingSink(), 10,
        CrawlState.inMemory(), MonthDay.of(7, 1), null, false, Map.of(), IngestMetrics.none());
    Thread runner = new Thread(() -> {
      try {
        ingestor.runContinuously(Duration.ofHours(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    runner.start();
    Thread.sleep(1300);
    runner.interrupt();
    runner.join(5000);
    server.stop(0);
    assertThat(hits.get("/fast").get()).isBetween(3, 8);
    assertThat(hits.get("/slow").get()).isEqualTo(1);
  }
}
