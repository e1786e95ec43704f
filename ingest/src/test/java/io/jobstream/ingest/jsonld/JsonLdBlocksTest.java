package io.jobstream.ingest.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.JsonSerde;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

/**
 * The scan for JSON-LD blocks and the canonical link finds what Jsoup's document finds, and
 * extraction through it equals extraction through the whole document, on pages that test the
 * tokenizer's rules and on career pages around descriptions the project wrote. Pages around
 * published LinkedIn descriptions are checked by {@link JsonLdBlocksDataTest}.
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

  /**
   * A career-site-shaped page (the demo board's and the benchmark's shape) around a description:
   * the description as paragraphs, and again inside a JSON-LD JobPosting.
   */
  static String careerPage(int k, String description) throws Exception {
    String html = "<p>" + Entities.escape(description).replace(". ", ".</p><p>") + "</p>";
    String ld = "{\"@context\":\"https://schema.org/\",\"@type\":\"JobPosting\",\"title\":\"Posting " + k + "\","
        + "\"description\":" + JsonSerde.MAPPER.writeValueAsString(html) + "}";
    return "<!doctype html><html><head><title>Posting " + k + "</title><link rel=canonical href=\"/jobs/" + k
        + "\"><script type=\"application/ld+json\">" + ld + "</script></head><body><main>" + html
        + "</main></body></html>";
  }

  /** Career pages around the descriptions the project wrote ({@link PostingTexts}). */
  static List<String> careerPages() throws Exception {
    List<String> pages = new ArrayList<>();
    List<String> descriptions = PostingTexts.descriptions(40);
    for (int k = 0; k < descriptions.size(); k++) {
      pages.add(careerPage(k, descriptions.get(k)));
    }
    return pages;
  }

  /** Asserts that the scan finds, in each page, the JSON-LD blocks and canonical link Jsoup finds. */
  static void assertScanFindsWhatTheDocumentFinds(List<String> pages) {
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

  /** Asserts that extraction through the scan equals extraction through the whole document. */
  static void assertExtractionThroughTheScanEqualsTheDocument(List<String> pages) {
    JsonLdExtractor extractor = new JsonLdExtractor();
    for (String html : pages) {
      assertThat(extractor.extract(PAGE, html, FETCHED)).as(html).isEqualTo(extractor.fromDocument(PAGE, html, FETCHED));
    }
  }

  @Test
  void theScanFindsWhatTheDocumentFinds() throws Exception {
    List<String> pages = new ArrayList<>(trickyPages());
    pages.addAll(careerPages());
    assertScanFindsWhatTheDocumentFinds(pages);
  }

  @Test
  void extractionThroughTheScanEqualsExtractionThroughTheDocument() throws Exception {
    List<String> pages = new ArrayList<>(trickyPages());
    pages.addAll(careerPages());
    assertExtractionThroughTheScanEqualsTheDocument(pages);
  }
}
