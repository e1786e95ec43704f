package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.state.CrawlState;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ingest meters on a crawl of a loopback board, and their tags stay bounded. */
class IngestMetricsTest {

  @Test
  void countsRequestsPostingsAndDeadLettersWithBoundedTags() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", e -> {
      try (e) {
        String path = e.getRequestURI().getPath();
        String body = switch (path) {
          case "/jobs" -> "<a href='/jobs/1'>1</a><a href='/jobs/2'>2</a><a href='/gone'>x</a>";
          case "/jobs/1", "/jobs/2" -> "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"datePosted\":\"2026-07-01\",\"title\":\"Analyst "
              + path + "\"}</script>";
          default -> null;
        };
        if (body == null) {
          e.sendResponseHeaders(404, -1);
          return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "text/html");
        e.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
          out.write(bytes);
        }
      }
    });
    server.start();
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      PageFetcher plain = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "t", 1 << 20, Duration.ofSeconds(5));
      Ingestor ingestor = new Ingestor(
          List.of(SourceSpec.parse("jsonld:http://127.0.0.1:" + server.getAddress().getPort() + "/jobs")),
          new PoliteFetcher(plain, Duration.ZERO), new JsonLdCrawlerTest.CollectingSink(), 100,
          CrawlState.inMemory(), MonthDay.of(7, 1), null, false, Map.of(), new IngestMetrics(registry));
      ingestor.runOnce();
      ingestor.runOnce();

      assertThat(registry.get("jobstream.ingest.postings").tag("source", "jsonld").tag("outcome", "published")
          .counter().count()).isEqualTo(2);
      assertThat(registry.get("jobstream.ingest.postings").tag("outcome", "unchanged").counter().count()).isEqualTo(2);
      assertThat(registry.get("jobstream.ingest.requests").tag("outcome", "ok").counter().count()).isEqualTo(6);
      assertThat(registry.get("jobstream.ingest.requests").tag("outcome", "http_status").counter().count()).isEqualTo(2);
      assertThat(registry.get("jobstream.ingest.rejected").tag("reason", "fetch_http_status").counter().count()).isEqualTo(2);
      assertThat(registry.get("jobstream.ingest.received").counter().count()).isPositive();
      assertThat(registry.get("jobstream.ingest.fetch.duration").timer().count()).isEqualTo(8);

      // no tag takes more than a handful of values
      Map<String, Set<String>> values = new HashMap<>();
      for (Meter meter : registry.getMeters()) {
        meter.getId().getTags().forEach(t -> values.computeIfAbsent(meter.getId().getName() + "/" + t.getKey(),
            k -> new HashSet<>()).add(t.getValue()));
      }
      assertThat(values.values()).allMatch(v -> v.size() <= 12);
    } finally {
      server.stop(0);
    }
  }
}
