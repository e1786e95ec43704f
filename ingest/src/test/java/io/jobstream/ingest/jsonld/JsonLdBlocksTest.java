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
      for (Element e : document.select("script[type], link[rel][href]")) {
        if (e.nameIs("link")) {
          // white space around the rel value ignored, as browsers do (Jsoup's [rel=canonical] does not)
          boolean isCanonical = e.attr("rel").trim().equalsIgnoreCase("canonical");
          canonical = canonical == null && isCanonical ? e.attr("href") : canonical;
        } else if (e.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
          blocks.add(e.data());
        }
      }
      JsonLdBlocks scan = JsonLdBlocks.scan(html);
      assertThat(scan.blocks()).as(html).isEqualTo(blocks);
      assertThat(scan.canonicalHref()).as(html).isEqualTo(canonical);
      if (!blocks.isEmpty()) {
        assertThat(JsonLdBlocks.mayHold(html)).as("a page with JSON-LD skips the scan: " + html).isTrue();
      }
      DocumentItems items = DocumentItems.of(document);
      assertThat(items.blocks()).as(html).isEqualTo(blocks);
      assertThat(items.canonicalHref()).as(html).isEqualTo(canonical);
    }
  }

  /** Microdata and RDFa pages with items inside items, and the letters of "json" spelled by references. */
  static List<String> itemPages() {
    String posting = "<div itemscope itemtype=\"https://schema.org/JobPosting\"><span itemprop=\"title\">%s</span>"
        + "<meta itemprop=\"datePosted\" content=\"2026-07-01\"></div>";
    String rdfa = "<div vocab=\"https://schema.org/\" typeof=\"JobPosting\"><span property=\"title\">%s</span>"
        + "<span property=\"datePosted\">2026-07-01</span></div>";
    return List.of(
        String.format(posting, "A") + "<section>" + String.format(posting, "B") + "</section>",
        "<div itemscope itemtype=\"https://schema.org/Organization\">" + String.format(posting, "Inner") + "</div>"
            + String.format(posting, "After"),
        "<div itemscope>" + String.format(posting, "Untyped parent") + "</div>",
        "<div itemscope itemtype=\"https://schema.org/JobPosting\">" + String.format(posting, "Nested")
            + "<span itemprop=\"title\">Outer</span></div>",
        String.format(rdfa, "R1") + "<div typeof=\"Organization\">" + String.format(rdfa, "R2") + "</div>"
            + String.format(rdfa, "R3"),
        "<div itemscope itemtype=\"https://schema.org/Organization\">" + String.format(rdfa, "RDFa in an item") + "</div>",
        "<link rel=\" CANONICAL \" href=\"/c\">" + String.format(posting, "Canonical"),
        "<body><p>no structured data</p></body>",
        "<script type=\"application/ld+&#106;son\">{\"@type\":\"JobPosting\",\"title\":\"Spelled\",\"datePosted\":\"2026-07-01\"}</script>",
        "<script type=\"application/ld+&#X6A;SON\">{\"@type\":\"JobPosting\",\"title\":\"Spelled\",\"datePosted\":\"2026-07-01\"}</script>");
  }

  @Test
  void theWalkFindsTheTopLevelItemsTheSelectorsFind() {
    for (String html : itemPages()) {
      Document document = Jsoup.parse(html, PAGE.toString());
      List<Element> microdata = new ArrayList<>();
      for (Element item : document.select("[itemscope][itemtype]")) {
        if (JsonLdExtractor.isJobPostingType(item.attr("itemtype")) && !item.parents().is("[itemscope]")) {
          microdata.add(item);
        }
      }
      List<Element> rdfa = new ArrayList<>();
      for (Element item : document.select("[typeof]")) {
        if (JsonLdExtractor.isRdfaJobPosting(item) && !item.parents().is("[typeof]")) {
          rdfa.add(item);
        }
      }
      DocumentItems items = DocumentItems.of(document);
      assertThat(items.microdata()).as(html).containsExactlyElementsOf(microdata);
      assertThat(items.rdfa()).as(html).containsExactlyElementsOf(rdfa);
    }
    assertScanFindsWhatTheDocumentFinds(itemPages());
    assertExtractionThroughTheScanEqualsTheDocument(itemPages());
  }

  @Test
  void onlyAPageWithoutTheLettersOfJsonSkipsTheScan() {
    assertThat(JsonLdBlocks.mayHold("<div itemscope itemtype=\"https://schema.org/JobPosting\">&#39;&amp;</div>")).isFalse();
    assertThat(JsonLdBlocks.mayHold("<script type=\"application/ld+JSON\">")).isTrue();
    assertThat(JsonLdBlocks.mayHold("<script type=\"application/ld+&#x6a;son\">")).isTrue();
    assertThat(JsonLdBlocks.mayHold("<script type=\"application/ld+j&#115;on\">")).isTrue();
    assertThat(JsonLdBlocks.mayHold("<p>&#1;&#x;&#")).isFalse();
    String spelled = itemPages().get(itemPages().size() - 1);
    assertThat(new JsonLdExtractor().extract(PAGE, spelled, FETCHED).postings())
        .extracting(io.jobstream.model.RawPosting::title).containsExactly("Spelled");
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
