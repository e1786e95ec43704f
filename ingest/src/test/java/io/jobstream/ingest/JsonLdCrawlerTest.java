package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.jsonld.JsonLdCrawler;
import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The crawler against a real HTTP server on loopback. */
class JsonLdCrawlerTest {

  private HttpServer server;
  private final Map<String, String[]> pages = new ConcurrentHashMap<>();
  private final CollectingSink sink = new CollectingSink();

  /** Keeps what it is given, in order. */
  static final class CollectingSink implements PostingSink {
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
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String[] page = pages.get(exchange.getRequestURI().toString());
      try (exchange) {
        if (page == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        if (page[0].equals("redirect")) {
          exchange.getResponseHeaders().set("Location", page[1]);
          exchange.sendResponseHeaders(302, -1);
          return;
        }
        byte[] body = page[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", page[0]);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void html(String path, String body) {
    pages.put(path, new String[] {"text/html; charset=utf-8", body});
  }

  private static String posting(String title, String id) {
    return "<html><head><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"datePosted\":\"2026-07-01\",\"title\":\""
        + title + "\",\"identifier\":\"" + id + "\"}</script></head><body></body></html>";
  }

  private JsonLdCrawler crawler(Set<String> allowed, int maxPages) {
    PageFetcher fetcher = new PageFetcher(new AddressGuard(allowed), "jobstream-test",
        1024 * 1024, Duration.ofSeconds(5));
    return new JsonLdCrawler(new PoliteFetcher(fetcher, Duration.ZERO), sink, maxPages, Clock.systemUTC());
  }

  @Test
  void followsPostingLinksAndPaginationOfAListingOnTheSameSite() throws Exception {
    html("/jobs", "<a href='/jobs/1'>1</a><a href='/jobs/2#apply'>2</a>"
        + "<a href='https://elsewhere.example/jobs/9'>offsite</a><a rel='next' href='/jobs?page=2'>next</a>");
    html("/jobs?page=2", "<a href='/jobs/3'>3</a><a href='/jobs/1'>dup</a>");
    html("/jobs/1", posting("Data Scientist", "1"));
    html("/jobs/2", posting("Data Engineer", "2"));
    html("/jobs/3", posting("Data Analyst", "3"));

    JsonLdCrawler.Summary summary = crawler(Set.of("127.0.0.1"), 100).crawl(URI.create(base() + "/jobs"));

    assertThat(sink.postings).extracting(RawPosting::title)
        .containsExactlyInAnyOrder("Data Scientist", "Data Engineer", "Data Analyst");
    assertThat(summary.pages()).isEqualTo(5);
    assertThat(sink.deadLetters).isEmpty();
  }

  @Test
  void readsTheUrlsOfASitemapIndex() throws Exception {
    pages.put("/sitemap.xml", new String[] {"application/xml",
        "<?xml version=\"1.0\"?><sitemapindex><sitemap><loc>" + base() + "/jobs-sitemap.xml</loc></sitemap></sitemapindex>"});
    pages.put("/jobs-sitemap.xml", new String[] {"text/xml",
        "<urlset><url><loc>" + base() + "/jobs/1</loc></url><url><loc>" + base() + "/jobs/2</loc></url></urlset>"});
    html("/jobs/1", posting("Quant Researcher", "1"));
    html("/jobs/2", posting("Biostatistician", "2"));

    crawler(Set.of("127.0.0.1"), 100).crawl(URI.create(base() + "/sitemap.xml"));

    assertThat(sink.postings).extracting(RawPosting::title)
        .containsExactly("Quant Researcher", "Biostatistician");
  }

  @Test
  void failedFetchesAndBrokenPagesBecomeDeadLettersAndTheCrawlGoesOn() throws Exception {
    html("/jobs", "<a href='/jobs/1'>1</a><a href='/jobs/gone'>gone</a><a href='/jobs/broken'>b</a>");
    html("/jobs/1", posting("Data Scientist", "1"));
    html("/jobs/broken", "<script type=\"application/ld+json\">{\"@type\": JobPosting</script>");

    crawler(Set.of("127.0.0.1"), 100).crawl(URI.create(base() + "/jobs"));

    assertThat(sink.postings).hasSize(1);
    assertThat(sink.deadLetters).extracting(DeadLetter::reason)
        .containsExactlyInAnyOrder("fetch_http_status", "bad_jsonld");
    assertThat(sink.deadLetters).allSatisfy(d -> assertThat(d.origin()).startsWith(base()));
  }

  @Test
  void pagesStampedWithOneTemplateIdentifierGetIdsOfTheirCanonicalUrls() throws Exception {
    // Google's documented example identifier, copied onto every page of a site
    String template = "\"identifier\":{\"@type\":\"PropertyValue\",\"name\":\"Google\",\"value\":\"1234567\"}";
    html("/jobs", "<a href='/jobs/a?utm_source=x'>a</a><a href='/jobs/b'>b</a>");
    html("/jobs/a?utm_source=x", "<html><head><script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
        + "\"title\":\"Data Scientist\",\"datePosted\":\"2026-07-01\"," + template + "}</script></head></html>");
    html("/jobs/b", "<html><head><link rel='canonical' href='/careers/b-data-engineer'>"
        + "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Data Engineer\",\"datePosted\":\"2026-07-01\","
        + template + "}</script></head></html>");
    io.jobstream.ingest.state.CrawlState state = io.jobstream.ingest.state.CrawlState.inMemory();
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "jobstream-test",
        1024 * 1024, Duration.ofSeconds(5));
    JsonLdCrawler crawler = new JsonLdCrawler(new PoliteFetcher(fetcher, Duration.ZERO), sink, 100, Clock.systemUTC(),
        state, new io.jobstream.ingest.IngestMetrics(registry));

    crawler.crawl(URI.create(base() + "/jobs"));

    assertThat(sink.postings).extracting(RawPosting::postingId).containsExactlyInAnyOrder(
        "jsonld:127.0.0.1:/jobs/a", "jsonld:127.0.0.1:/careers/b-data-engineer");
    assertThat(sink.postings).extracting(RawPosting::sourceId).containsOnly("1234567");
    assertThat(registry.get("jobstream.ingest.shared.identifiers").counter().count()).isEqualTo(1.0);
    // the site stays named by URL in later crawls, even when one page is all that is read
    sink.postings.clear();
    crawler.crawl(URI.create(base() + "/jobs/b"));
    assertThat(sink.postings).extracting(RawPosting::postingId).containsExactly("jsonld:127.0.0.1:/careers/b-data-engineer");
  }

  @Test
  void aPostingPageWithoutAPostingIsADeadLetterNamingTheMarkupItHas() throws Exception {
    html("/jobs", "<a href='/jobs/1'>1</a><a href='/jobs/about'>about</a>");
    html("/jobs/1", posting("Data Scientist", "1"));
    html("/jobs/about", "<html><head><script type=\"application/ld+json\">{\"@type\":\"Organization\"}"
        + "</script></head><body>We are hiring</body></html>");

    JsonLdCrawler.Summary summary = crawler(Set.of("127.0.0.1"), 100).crawl(URI.create(base() + "/jobs"));

    assertThat(sink.postings).hasSize(1);
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("no_posting");
    DeadLetter none = sink.deadLetters.get(0);
    assertThat(none.origin()).isEqualTo(base() + "/jobs/about");
    assertThat(none.detail()).contains("JSON-LD types [Organization]");
    assertThat(summary.problems()).isEqualTo(1);
  }

  @Test
  void loopbackIsRefusedUnlessAllowed() throws Exception {
    html("/jobs/1", posting("Data Scientist", "1"));
    crawler(Set.of(), 100).crawl(URI.create(base() + "/jobs/1"));
    assertThat(sink.postings).isEmpty();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("fetch_blocked_address");
  }

  @Test
  void redirectsAreFollowedAndEachHopIsChecked() throws Exception {
    pages.put("/old", new String[] {"redirect", "/jobs/1"});
    pages.put("/to-metadata", new String[] {"redirect", "http://169.254.169.254/latest/meta-data"});
    pages.put("/loop", new String[] {"redirect", "/loop"});
    html("/jobs/1", posting("Data Scientist", "1"));
    JsonLdCrawler crawler = crawler(Set.of("127.0.0.1"), 100);

    crawler.crawl(URI.create(base() + "/old"));
    crawler.crawl(URI.create(base() + "/to-metadata"));
    crawler.crawl(URI.create(base() + "/loop"));

    assertThat(sink.postings).extracting(RawPosting::title).containsExactly("Data Scientist");
    assertThat(sink.deadLetters).extracting(DeadLetter::reason)
        .containsExactly("fetch_blocked_address", "fetch_redirects");
  }

  @Test
  void stopsAtThePageLimit() throws Exception {
    html("/jobs", "<a href='/jobs/1'>1</a><a href='/jobs/2'>2</a><a href='/jobs/3'>3</a>");
    html("/jobs/1", posting("A", "1"));
    html("/jobs/2", posting("B", "2"));
    html("/jobs/3", posting("C", "3"));
    JsonLdCrawler.Summary summary = crawler(Set.of("127.0.0.1"), 2).crawl(URI.create(base() + "/jobs"));
    assertThat(summary.pages()).isEqualTo(2);
    assertThat(sink.postings).hasSize(1);
  }

  @Test
  void oversizedBodiesAndBinaryContentAreRefused() throws Exception {
    pages.put("/big", new String[] {"text/html", "x".repeat(2 * 1024 * 1024)});
    pages.put("/pdf", new String[] {"application/pdf", "%PDF-1.4"});
    JsonLdCrawler crawler = crawler(Set.of("127.0.0.1"), 100);
    crawler.crawl(URI.create(base() + "/big"));
    crawler.crawl(URI.create(base() + "/pdf"));
    assertThat(sink.deadLetters).extracting(DeadLetter::reason)
        .containsExactly("fetch_too_large", "fetch_content_type");
  }
}
