package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.FetchException;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.jsonld.JsonLdCrawler;
import io.jobstream.model.RawPosting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server that misbehaves in the ways real sites do, and what the fetcher makes of it. */
class MisbehavingServerTest {

  private HttpServer server;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();

  interface Handler {
    void handle(HttpExchange e) throws Exception;
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/", e -> {
      Handler h = routes.get(e.getRequestURI().getPath());
      try (e) {
        if (h == null) {
          e.sendResponseHeaders(404, -1);
        } else {
          h.handle(e);
        }
      } catch (Exception ex) {
        // the client went away: fine for a misbehaving server
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

  private static PageFetcher fetcher(Duration timeout) {
    return new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "jobstream-test", 1 << 20, timeout,
        new PageFetcher.RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO), d -> { });
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static void send(HttpExchange e, String type, byte[] body, String... headers) throws IOException {
    e.getResponseHeaders().set("Content-Type", type);
    for (int i = 0; i < headers.length; i += 2) {
      e.getResponseHeaders().set(headers[i], headers[i + 1]);
    }
    e.sendResponseHeaders(200, body.length);
    try (OutputStream out = e.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void aGzipBombIsCutOffAfterDecompression() throws Exception {
    byte[] bomb = gzip(new byte[50 * 1024 * 1024]); // 50 MiB of zeros, about 50 KiB on the wire
    routes.put("/bomb", e -> send(e, "text/html", bomb, "Content-Encoding", "gzip"));
    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(10)).fetch(uri("/bomb")))
        .satisfies(ex -> {
          assertThat(((FetchException) ex).reason()).isEqualTo("too_large");
          assertThat(ex.getMessage()).contains("after decompression");
        });
  }

  @Test
  void aFiftyMegabyteBodyIsCutOffAtTheLimit() {
    routes.put("/huge", e -> {
      e.getResponseHeaders().set("Content-Type", "text/html");
      e.sendResponseHeaders(200, 50L * 1024 * 1024);
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'x');
      try (OutputStream out = e.getResponseBody()) {
        for (int i = 0; i < 800; i++) {
          out.write(chunk);
        }
      }
    });
    long start = System.nanoTime();
    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(10)).fetch(uri("/huge")))
        .satisfies(ex -> assertThat(((FetchException) ex).reason()).isEqualTo("too_large"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void gzipBodiesAndGzipSitemapsAreRead() throws Exception {
    routes.put("/page", e -> send(e, "text/html", gzip("<html>hello</html>".getBytes(StandardCharsets.UTF_8)),
        "Content-Encoding", "gzip"));
    assertThat(fetcher(Duration.ofSeconds(5)).fetch(uri("/page")).text()).isEqualTo("<html>hello</html>");
    String posting = "<html><head><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Data Engineer\",\"datePosted\":\"2026-07-01\"}</script></head></html>";
    routes.put("/jobs/1", e -> send(e, "text/html", posting.getBytes(StandardCharsets.UTF_8)));
    byte[] sitemap = gzip(("<?xml version=\"1.0\"?><urlset><url><loc>" + uri("/jobs/1")
        + "</loc></url></urlset>").getBytes(StandardCharsets.UTF_8));
    routes.put("/sitemap.xml.gz", e -> send(e, "application/x-gzip", sitemap));
    JsonLdCrawlerTest.CollectingSink sink = new JsonLdCrawlerTest.CollectingSink();
    new JsonLdCrawler(new PoliteFetcher(fetcher(Duration.ofSeconds(5)), Duration.ZERO), sink, 10, Clock.systemUTC())
        .crawl(uri("/sitemap.xml.gz"));
    assertThat(sink.postings).extracting(RawPosting::title).containsExactly("Data Engineer");
  }

  @Test
  void aSlowServerAndATricklingBodyTimeOut() {
    routes.put("/slow", e -> {
      Thread.sleep(3000);
      send(e, "text/html", "<html>late</html>".getBytes(StandardCharsets.UTF_8));
    });
    routes.put("/trickle", e -> {
      e.getResponseHeaders().set("Content-Type", "text/html");
      e.sendResponseHeaders(200, 0);
      try (OutputStream out = e.getResponseBody()) {
        for (int i = 0; i < 30; i++) {
          out.write('x');
          out.flush();
          Thread.sleep(200);
        }
      }
    });
    long start = System.nanoTime();
    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(1)).fetch(uri("/slow")))
        .satisfies(ex -> assertThat(((FetchException) ex).reason()).isEqualTo("io"));
    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(1)).fetch(uri("/trickle")))
        .satisfies(ex -> assertThat(ex.getMessage()).contains("not complete within"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void invalidUtf8StillYieldsThePosting() throws Exception {
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    page.write("<html><head><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Data Scientist\",\"description\":\"caf".getBytes(StandardCharsets.UTF_8));
    page.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    page.write("\"}</script></head></html>".getBytes(StandardCharsets.UTF_8));
    byte[] bytes = page.toByteArray();
    routes.put("/jobs/bad-bytes", e -> send(e, "text/html; charset=utf-8", bytes));
    JsonLdCrawlerTest.CollectingSink sink = new JsonLdCrawlerTest.CollectingSink();
    new JsonLdCrawler(new PoliteFetcher(fetcher(Duration.ofSeconds(5)), Duration.ZERO), sink, 10, Clock.systemUTC())
        .crawl(uri("/jobs/bad-bytes"));
    assertThat(sink.postings).extracting(RawPosting::title).containsExactly("Data Scientist");
    assertThat(sink.postings.get(0).description()).startsWith("caf");
  }
}
