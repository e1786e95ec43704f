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

  @Test
  void theScorecardCountsPostingsFieldsFailuresByClassAndDeadLettersPerSourceType() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", e -> {
      try (e) {
        String path = e.getRequestURI().getPath();
        int status = 200;
        String type = "application/json";
        String body;
        switch (path) {
          case "/v1/boards/quillworks/jobs" -> body = "{\"jobs\":["
              + "{\"id\":1,\"title\":\"ML Engineer\",\"location\":{\"name\":\"Leeds\"},"
              + "\"first_published\":\"2026-07-01T00:00:00Z\",\"content\":\"&lt;p&gt;Train models.&lt;/p&gt;\","
              + "\"pay_input_ranges\":[{\"currency_type\":\"GBP\",\"min_cents\":6000000,\"max_cents\":8000000}]},"
              + "{\"id\":2,\"title\":\"Data Scientist\"},"
              + "{\"id\":3,\"title\":\"\"}]}";
          case "/v1/boards/closedshop/jobs" -> {
            status = 403;
            body = "{}";
          }
          case "/v1/boards/turnstile/jobs" -> {
            type = "text/html";
            body = "<!DOCTYPE html><html><body>Are you a robot?</body></html>";
          }
          case "/v1/boards/busybee/jobs" -> {
            status = 429;
            body = "{}";
          }
          default -> {
            status = 404;
            body = "{}";
          }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
          out.write(bytes);
        }
      }
    });
    server.start();
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      PageFetcher once = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "t", 1 << 20, Duration.ofSeconds(5),
          new PageFetcher.RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO), d -> { });
      JsonLdCrawlerTest.CollectingSink sink = new JsonLdCrawlerTest.CollectingSink();
      Ingestor ingestor = new Ingestor(
          List.of(SourceSpec.parse("greenhouse:quillworks"), SourceSpec.parse("greenhouse:closedshop"),
              SourceSpec.parse("greenhouse:turnstile"), SourceSpec.parse("greenhouse:busybee"),
              SourceSpec.parse("greenhouse:vanished")),
          new PoliteFetcher(once, Duration.ZERO), sink, 100, CrawlState.inMemory(), MonthDay.of(7, 1), null, false,
          Map.of("ingest.greenhouse.base-url", "http://127.0.0.1:" + server.getAddress().getPort()),
          new IngestMetrics(registry));
      ingestor.runOnce();

      assertThat(registry.get("jobstream.ingest.source.postings").tag("type", "greenhouse")
          .tag("outcome", "published").counter().count()).isEqualTo(2);
      ingestor.runOnce();
      assertThat(registry.get("jobstream.ingest.source.postings").tag("type", "greenhouse")
          .tag("outcome", "unchanged").counter().count()).isEqualTo(2);
      Map<String, Double> fields = new HashMap<>();
      registry.find("jobstream.ingest.source.fields").tag("type", "greenhouse").counters()
          .forEach(c -> fields.put(c.getId().getTag("field"), c.count()));
      assertThat(fields).containsEntry("title", 2.0).containsEntry("company", 2.0).containsEntry("location", 1.0)
          .containsEntry("date", 1.0).containsEntry("pay", 1.0).containsEntry("description", 1.0);
      Map<String, Double> failures = new HashMap<>();
      registry.find("jobstream.ingest.source.failures").tag("type", "greenhouse").counters()
          .forEach(c -> failures.put(c.getId().getTag("class"), c.count()));
      assertThat(failures).as("every class, at zero until it happens").containsKeys("timeout", "server_error");
      failures.values().removeIf(n -> n == 0);
      // two passes from here on
      assertThat(failures).containsOnly(Map.entry("blocked", 4.0), Map.entry("rate_limited", 2.0),
          Map.entry("gone", 2.0));
      assertThat(registry.get("jobstream.ingest.source.fetches").tag("type", "greenhouse").tag("outcome", "ok")
          .counter().count()).isEqualTo(4);
      assertThat(registry.get("jobstream.ingest.source.fetches").tag("type", "greenhouse").tag("outcome", "failed")
          .counter().count()).isEqualTo(6);
      assertThat(registry.get("jobstream.ingest.source.rejected").tag("type", "greenhouse")
          .tag("reason", "fetch_http_status").counter().count()).isEqualTo(6);
      assertThat(registry.get("jobstream.ingest.source.rejected").tag("type", "greenhouse")
          .tag("reason", "no_title").counter().count()).isEqualTo(2);
      // board-level dead letters carry the board they came from as their key, for the report
      assertThat(sink.deadLetters).filteredOn(d -> d.reason().startsWith("fetch_")).extracting(d -> d.key())
          .containsOnly("greenhouse:closedshop", "greenhouse:busybee", "greenhouse:vanished").hasSize(6);
      assertThat(registry.find("jobstream.ingest.source.postings").counters())
          .allMatch(c -> !c.getId().getTags().toString().contains("quillworks"));
    } finally {
      server.stop(0);
    }
  }
}
