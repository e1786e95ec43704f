package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.jsonld.JsonLdCrawler;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Extraction measured on markup others wrote: the pages of the JobPosting corpus in the data
 * directory ({@link DataSet#JOBPOSTING_CORPUS}: schema.org's examples, validator galleries, markup
 * generators) served on loopback and crawled as any site is, from a sitemap, against what a reader
 * of each page expects (corpus/expected.tsv, written by hand from the pages).
 */
@Tag("data")
class JobPostingCorpusTest {

  /** Share of expected fields the crawl must get right. */
  private static final double REQUIRED_ACCURACY = 0.98;

  private static final String ABSENT = "-";

  /** What is read off a posting for each column of expected.tsv after file and outcome. */
  private static final Map<String, Function<RawPosting, Object>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("title", RawPosting::title);
    FIELDS.put("company", RawPosting::company);
    FIELDS.put("date_posted", RawPosting::datePosted);
    FIELDS.put("employment_type", RawPosting::employmentType);
    FIELDS.put("city", p -> location(p, Location::city));
    FIELDS.put("region", p -> location(p, Location::region));
    FIELDS.put("country", p -> location(p, Location::country));
    FIELDS.put("remote", RawPosting::remote);
    FIELDS.put("remote_countries", p -> p.remoteCountries() == null ? null : String.join(",", p.remoteCountries()));
    FIELDS.put("pay_currency", p -> salary(p, SalaryGiven::currency));
    FIELDS.put("pay_min", p -> salary(p, SalaryGiven::min));
    FIELDS.put("pay_max", p -> salary(p, SalaryGiven::max));
    FIELDS.put("pay_value", p -> salary(p, SalaryGiven::value));
    FIELDS.put("pay_unit", p -> salary(p, SalaryGiven::unit));
    FIELDS.put("identifier", RawPosting::sourceId);
  }

  private static HttpServer server;
  private static Path corpus;
  private static final JsonLdCrawlerTest.CollectingSink SINK = new JsonLdCrawlerTest.CollectingSink();

  @BeforeAll
  static void crawlTheCorpus() throws Exception {
    corpus = DataDirectory.fromEnvironment().require(DataSet.JOBPOSTING_CORPUS);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        String name = exchange.getRequestURI().getPath().substring(1);
        byte[] body;
        String type;
        if (name.equals("sitemap.xml")) {
          body = sitemap().getBytes(StandardCharsets.UTF_8);
          type = "application/xml";
        } else if (pages().contains(name)) {
          body = Files.readAllBytes(corpus.resolve(name));
          // bare JSON-LD is served as what it is, the way a site serves a .jsonld file
          type = name.endsWith(".json") ? "application/ld+json" : "text/html; charset=utf-8";
        } else {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "jobstream-test",
        1024 * 1024, Duration.ofSeconds(5));
    new JsonLdCrawler(new PoliteFetcher(fetcher, Duration.ZERO), SINK, 100, Clock.systemUTC())
        .crawl(URI.create(base() + "/sitemap.xml"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static List<String> pages() throws IOException {
    try (Stream<Path> files = Files.list(corpus)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".html") || n.endsWith(".json"))
          .sorted().toList();
    }
  }

  private static String sitemap() throws IOException {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (String page : pages()) {
      xml.append("<url><loc>").append(base()).append('/').append(page).append("</loc></url>");
    }
    return xml.append("</urlset>").toString();
  }

  @Test
  void everyPageEndsAsAPostingOrADeadLetter() throws IOException {
    Map<String, String> outcomes = outcomes();
    assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(pages());
    assertThat(expected().keySet()).as("expected.tsv names every page").containsExactlyInAnyOrderElementsOf(pages());
  }

  @Test
  void differentPostingsNeverShareAnId() {
    Map<String, List<String>> pagesById = SINK.postings.stream().collect(Collectors.groupingBy(
        RawPosting::postingId, TreeMap::new, Collectors.mapping(RawPosting::url, Collectors.toList())));
    assertThat(pagesById).allSatisfy((id, urls) -> assertThat(urls).as(id).hasSize(1));
  }

  @Test
  void fieldsMatchWhatAReaderOfThePageExpects() throws IOException {
    Map<String, Map<String, String>> expected = expected();
    Map<String, String> outcomes = outcomes();
    Map<String, RawPosting> postings = new TreeMap<>();
    for (RawPosting p : SINK.postings) {
      postings.putIfAbsent(fileOf(p.url()), p);
    }
    Map<String, int[]> tally = new LinkedHashMap<>(); // field -> {right, total}
    List<String> wrong = new ArrayList<>();
    expected.forEach((file, row) -> {
      String outcome = outcomes.getOrDefault(file, "none");
      count(tally, "outcome", row.get("outcome").equals(outcome), wrong, file, row.get("outcome"), outcome);
      if (!row.get("outcome").equals("posting")) {
        return;
      }
      RawPosting p = postings.get(file);
      FIELDS.forEach((field, read) -> {
        String got = p == null ? "(no posting)" : shown(read.apply(p));
        count(tally, field, same(row.get(field), got), wrong, file + " " + field, row.get(field), got);
      });
    });
    int right = tally.values().stream().mapToInt(t -> t[0]).sum();
    int total = tally.values().stream().mapToInt(t -> t[1]).sum();
    StringBuilder report = new StringBuilder("JobPosting corpus, " + expected.size() + " pages: per-field accuracy\n");
    tally.forEach((field, t) -> report.append(String.format("  %-17s %3d/%-3d %6.1f%%%n", field, t[0], t[1], 100.0 * t[0] / t[1])));
    report.append(String.format("  %-17s %3d/%-3d %6.1f%%%n", "all", right, total, 100.0 * right / total));
    wrong.forEach(w -> report.append("  wrong: ").append(w).append('\n'));
    System.out.print(report);
    assertThat((double) right / total).as("share of fields right (table above)").isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
  }

  /** Each page's outcome: "posting", or "dead_letter:REASON" for a page that gave none. */
  private static Map<String, String> outcomes() {
    Map<String, String> out = new TreeMap<>();
    SINK.deadLetters.forEach(d -> out.putIfAbsent(fileOf(d.origin()), "dead_letter:" + d.reason()));
    // a page with a posting is a posting, whatever it also reported (a date it could not read)
    SINK.postings.forEach(p -> out.put(fileOf(p.url()), "posting"));
    out.remove("sitemap.xml");
    return out;
  }

  private static String fileOf(String url) {
    String path = URI.create(url).getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static void count(Map<String, int[]> tally, String field, boolean ok, List<String> wrong, String where,
      String expected, String got) {
    int[] t = tally.computeIfAbsent(field, f -> new int[2]);
    t[0] += ok ? 1 : 0;
    t[1]++;
    if (!ok) {
      wrong.add(where + ": expected '" + expected + "', got '" + got + "'");
    }
  }

  private static boolean same(String expected, String got) {
    if (expected.equals(got)) {
      return true;
    }
    try {
      return new BigDecimal(expected).compareTo(new BigDecimal(got)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String shown(Object value) {
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return value == null || value.toString().isEmpty() ? ABSENT : value.toString();
  }

  private static Object location(RawPosting p, Function<Location, Object> part) {
    return p.location() == null ? null : part.apply(p.location());
  }

  private static Object salary(RawPosting p, Function<SalaryGiven, Object> part) {
    return p.salary() == null ? null : part.apply(p.salary());
  }

  /** expected.tsv: one row per page, keyed by file name, columns by header. */
  private static Map<String, Map<String, String>> expected() throws IOException {
    Map<String, Map<String, String>> rows = new TreeMap<>();
    try (InputStream in = Objects.requireNonNull(
        JobPostingCorpusTest.class.getResourceAsStream("/corpus/expected.tsv"), "corpus/expected.tsv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
      String[] header = lines.get(0).split("\t");
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split("\t", -1);
        assertThat(cells).as(line).hasSameSizeAs(header);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], cells[i]);
        }
        rows.put(cells[0], row);
      }
    }
    return rows;
  }
}
