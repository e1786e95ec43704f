package io.jobstream.ingest.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.JsonSerde;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

/**
 * The scan for JSON-LD blocks and the canonical link finds what Jsoup's document finds, and
 * extraction through it equals extraction through the whole document.
 */
class JsonLdBlocksTest {

  private static final URI PAGE = URI.create("https://jobs.example.org/p/42?utm_source=x");
  private static final Instant FETCHED = Instant.parse("2026-08-06T10:00:00Z");
  private static final String POSTING = "{\"@type\":\"JobPosting\",\"title\":\"Data Scientist\",\"datePosted\":\"2026-07-01\"}";

  /** Pages that test the tokenizer rules the scan follows. */
  static List<String> trickyPages() {
    return List.of(
        "<script type=\"application/ld+json\">" + POSTING + "</script>",
        "<SCRIPT TYPE='Application/LD+JSON'>" + POSTING + "</SCRIPT >",
        "<script type=application/ld+json>" + POSTING + "</script>",
        "<script type=\" application/ld+json \" async>" + POSTING + "</script>",
        "<script type=\"application/ld+json\" type=\"text/plain\">" + POSTING + "</script>",
        "<script type=\"text/plain\" type=\"application/ld+json\">" + POSTING + "</script>",
        "<!-- <script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Old\"}</script> -->"
            + "<script type=\"application/ld+json\">" + POSTING + "</script>",
        "<style>/* <script type=\"application/ld+json\">{}</script> */</style><script type=\"application/ld+json\">"
            + POSTING + "</script>",
        "<title>a <script type=\"application/ld+json\">{} title</title><script type=\"application/ld+json\">"
            + POSTING + "</script>",
        "<textarea><script type=\"application/ld+json\">{}</script></textarea>",
        "<script>var s = '<script type=\"application/ld+json\">';</script><script type=\"application/ld+json\">"
            + POSTING + "</script>",
        "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"a</scriptx> b\"}</script>",
        "<script type=\"application/ld+json\">" + POSTING,
        "<link rel=\"canonical\" href=\"/jobs/42?a=1&amp;b=2\"><link rel=\"canonical\" href=\"/second\">"
            + "<script type=\"application/ld+json\">" + POSTING + "</script>",
        "<link rel=\"Canonical\" href><script type=\"application/ld+json\">" + POSTING + "</script>",
        "<link rel=\"canonical alternate\" href=\"/no\"><link href='/yes' rel=canonical>"
            + "<script type=\"application/ld+json\">" + POSTING + "</script>",
        "<link rel=\"canonical\"><script type=\"application/ld+json\">[" + POSTING + "," + POSTING + "]</script>",
        "<p>a < b and 1<2</p><br/><img src=x alt=\"<script type='application/ld+json'>\">"
            + "<script type=\"application/ld+json\">" + POSTING + "</script>",
        "<script type=\"application/ld+json\">{not json</script><script type=\"application/ld+json\">"
            + POSTING + "</script>",
        "<div itemscope itemtype=\"https://schema.org/JobPosting\"><span itemprop=\"title\">Micro</span></div>");
  }

  /** Career-site-shaped pages around real LinkedIn descriptions (the demo board's and the benchmark's shape). */
  static List<String> realPages() throws Exception {
    List<String> pages = new ArrayList<>();
    Path file = Path.of("..", "data", "linkedin-postings-2024-b.csv.gz");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
        StandardCharsets.UTF_8))) {
      String all = in.lines().reduce("", (a, b) -> a + "\n" + b);
      // descriptions as they come, with their quotes, angle brackets and entities
      String[] chunks = all.split("\",\"");
      for (int k = 0; k < chunks.length && pages.size() < 80; k++) {
        String text = chunks[k];
        if (text.length() < 400) {
          continue;
        }
        String html = "<p>" + Entities.escape(text).replace(". ", ".</p><p>") + "</p>";
        String ld = "{\"@context\":\"https://schema.org/\",\"@type\":\"JobPosting\",\"title\":\"Posting " + k + "\","
            + "\"description\":" + JsonSerde.MAPPER.writeValueAsString(html) + "}";
        pages.add("<!doctype html><html><head><title>Posting " + k + "</title><link rel=canonical href=\"/jobs/" + k
            + "\"><script type=\"application/ld+json\">" + ld + "</script></head><body><main>" + html
            + "</main></body></html>");
      }
    }
    assertThat(pages).hasSizeGreaterThan(20);
    return pages;
  }

  @Test
  void theScanFindsWhatTheDocumentFinds() throws Exception {
    List<String> pages = new ArrayList<>(trickyPages());
    pages.addAll(realPages());
    for (String html : pages) {
      Document document = Jsoup.parse(html, PAGE.toString());
      List<String> blocks = new ArrayList<>();
      String canonical = null;
      for (Element e : document.select("script[type], link[rel=canonical][href]")) {
        if (e.nameIs("link")) {
          canonical = canonical == null ? e.attr("href") : canonical;
        } else if (e.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
          blocks.add(e.data());
        }
      }
      JsonLdBlocks scan = JsonLdBlocks.scan(html);
      assertThat(scan.blocks()).as(html).isEqualTo(blocks);
      assertThat(scan.canonicalHref()).as(html).isEqualTo(canonical);
    }
  }

  @Test
  void extractionThroughTheScanEqualsExtractionThroughTheDocument() throws Exception {
    JsonLdExtractor extractor = new JsonLdExtractor();
    List<String> pages = new ArrayList<>(trickyPages());
    pages.addAll(realPages());
    for (String html : pages) {
      assertThat(extractor.extract(PAGE, html, FETCHED)).as(html).isEqualTo(extractor.fromDocument(PAGE, html, FETCHED));
    }
  }
}
