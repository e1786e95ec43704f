package io.jobstream.bench;

import io.jobstream.ingest.jsonld.Extraction;
import io.jobstream.ingest.jsonld.JsonLdExtractor;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Page -> raw posting extraction beside a bare Jsoup parse of the same pages, in the same run.
 * Pages are shaped like career-site posting pages: a site header and navigation, the posting as
 * visible HTML, and the same posting as schema.org JSON-LD; descriptions are the classify
 * tests' job ads (written by the project, 2.5-8 KB), pages are about 13-25 KB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExtractionBenchmark {

  private static final URI PAGE = URI.create("https://careers.example.com/jobs/1");

  private List<String> pages;
  /** The same postings as microdata only (no JSON-LD): the pages that need the whole document. */
  private List<String> microdataPages;
  private final JsonLdExtractor extractor = new JsonLdExtractor();
  private final Instant now = Instant.parse("2024-04-20T10:00:00Z");
  private int i;

  @Setup
  public void setUp() {
    pages = new ArrayList<>();
    microdataPages = new ArrayList<>();
    StringBuilder nav = new StringBuilder("<header><nav><ul>");
    for (int n = 0; n < 60; n++) {
      nav.append("<li class=\"nav-item\"><a href=\"/section/").append(n).append("\">Section ").append(n).append("</a></li>");
    }
    nav.append("</ul></nav></header>");
    for (String[] d : BenchData.descriptions()) {
      String title = d[0];
      String name = d[2];
      String description = "<p>" + Entities.escape(d[1]).replace(". ", ".</p><p>") + "</p>";
      String ld = "{\"@context\":\"https://schema.org/\",\"@type\":\"JobPosting\",\"title\":\"" + title.replace("\"", "\\\"")
          + "\",\"identifier\":{\"@type\":\"PropertyValue\",\"value\":\"" + name + "\"},\"datePosted\":\"2024-04-02\","
          + "\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":\"Acme\"},"
          + "\"jobLocation\":{\"@type\":\"Place\",\"address\":{\"addressLocality\":\"Austin\",\"addressRegion\":\"TX\",\"addressCountry\":\"US\"}},"
          + "\"baseSalary\":{\"@type\":\"MonetaryAmount\",\"currency\":\"USD\",\"value\":{\"@type\":\"QuantitativeValue\",\"minValue\":120000,\"maxValue\":150000,\"unitText\":\"YEAR\"}},"
          + "\"description\":" + io.jobstream.model.JsonSerde.MAPPER.valueToTree(description) + "}";
      pages.add("<!doctype html><html><head><title>" + Entities.escape(title) + "</title>"
          + "<meta name=\"viewport\" content=\"width=device-width\"><link rel=\"stylesheet\" href=\"/site.css\">"
          + "<script type=\"application/ld+json\">" + ld + "</script></head><body>" + nav
          + "<main><article><h1>" + Entities.escape(title) + "</h1>" + description
          + "<a class=\"apply\" href=\"/apply/" + name + "\">Apply</a></article></main>"
          + "<footer>" + nav + "</footer></body></html>");
      microdataPages.add("<!doctype html><html><head><title>" + Entities.escape(title) + "</title>"
          + "<meta name=\"viewport\" content=\"width=device-width\"><link rel=\"stylesheet\" href=\"/site.css\">"
          + "</head><body>" + nav
          + "<main><article itemscope itemtype=\"https://schema.org/JobPosting\"><h1 itemprop=\"title\">"
          + Entities.escape(title) + "</h1><meta itemprop=\"datePosted\" content=\"2024-04-02\">"
          + "<div itemprop=\"hiringOrganization\" itemscope itemtype=\"https://schema.org/Organization\">"
          + "<span itemprop=\"name\">Acme</span></div><div itemprop=\"description\">" + description + "</div>"
          + "<a class=\"apply\" href=\"/apply/" + name + "\">Apply</a></article></main>"
          + "<footer>" + nav + "</footer></body></html>");
    }
    check();
  }

  /** Each page must give its posting, or the benchmark would time something else. */
  private void check() {
    for (List<String> set : List.of(pages, microdataPages)) {
      for (String page : set) {
        if (extractor.extract(PAGE, page, now).postings().size() != 1) {
          throw new IllegalStateException("a benchmark page gives no posting: " + page.substring(0, 200));
        }
      }
    }
  }

  private String next() {
    i = (i + 1) % pages.size();
    return pages.get(i);
  }

  @Benchmark
  public Document bareJsoupParse() {
    return Jsoup.parse(next(), PAGE.toString());
  }

  @Benchmark
  public Extraction extractPosting() {
    return extractor.extract(PAGE, next(), now);
  }

  @Benchmark
  public Document bareJsoupParseMicrodata() {
    i = (i + 1) % microdataPages.size();
    return Jsoup.parse(microdataPages.get(i), PAGE.toString());
  }

  @Benchmark
  public Extraction extractMicrodataPosting() {
    i = (i + 1) % microdataPages.size();
    return extractor.extract(PAGE, microdataPages.get(i), now);
  }
}
