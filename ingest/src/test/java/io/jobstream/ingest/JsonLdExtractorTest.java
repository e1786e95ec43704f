package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.ingest.jsonld.Extraction;
import io.jobstream.ingest.jsonld.JsonLdExtractor;
import io.jobstream.model.RawPosting;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JsonLdExtractorTest {

  private static final URI PAGE = URI.create("https://careers.example.com/jobs/123");
  private static final Instant FETCHED = Instant.parse("2024-04-20T10:00:00Z");
  private final JsonLdExtractor extractor = new JsonLdExtractor();

  private static String page(String... blocks) {
    StringBuilder html = new StringBuilder("<html><head>");
    for (String block : blocks) {
      html.append("<script type=\"application/ld+json\">").append(block).append("</script>");
    }
    return html.append("</head><body>x</body></html>").toString();
  }

  private static final String POSTING = """
      {"@context":"https://schema.org/","@type":"JobPosting",
       "title":"Senior Data Scientist",
       "description":"<p>Build <b>models</b> &amp; ship them.</p>",
       "identifier":{"@type":"PropertyValue","name":"Acme","value":"R-123"},
       "datePosted":"2024-04-18T09:30:00-05:00","validThrough":"2024-06-01",
       "employmentType":["FULL_TIME","CONTRACTOR"],
       "hiringOrganization":{"@type":"Organization","name":"Acme Analytics"},
       "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress",
          "addressLocality":"Austin","addressRegion":"TX","addressCountry":"United States"}},
       "baseSalary":{"@type":"MonetaryAmount","currency":"USD",
          "value":{"@type":"QuantitativeValue","minValue":140000,"maxValue":"160,000","unitText":"YEAR"}}}
      """;

  @Test
  void mapsAJobPostingKeepingWhatThePageSaid() {
    Extraction result = extractor.extract(PAGE, page(POSTING), FETCHED);
    assertThat(result.problems()).isEmpty();
    assertThat(result.postings()).hasSize(1);
    RawPosting p = result.postings().get(0);
    assertThat(p.postingId()).isEqualTo("jsonld:careers.example.com:R-123");
    assertThat(p.sourceId()).isEqualTo("R-123");
    assertThat(p.title()).isEqualTo("Senior Data Scientist");
    assertThat(p.company()).isEqualTo("Acme Analytics");
    assertThat(p.location().city()).isEqualTo("Austin");
    assertThat(p.location().country()).isEqualTo("US");
    assertThat(p.remote()).isFalse();
    assertThat(p.employmentType()).isEqualTo("FULL_TIME,CONTRACTOR");
    assertThat(p.datePosted()).isEqualTo(LocalDate.parse("2024-04-18"));
    assertThat(p.validThrough()).isEqualTo(LocalDate.parse("2024-06-01"));
    assertThat(p.description()).isEqualTo("Build models & ship them.");
    assertThat(p.descriptionHtml()).contains("<b>models</b>");
    assertThat(p.salary().currency()).isEqualTo("USD");
    assertThat(p.salary().min()).isEqualByComparingTo(new BigDecimal("140000"));
    assertThat(p.salary().max()).isEqualByComparingTo(new BigDecimal("160000"));
    assertThat(p.salary().unit()).isEqualTo("YEAR");
    assertThat(p.fetchedAt()).isEqualTo(FETCHED);
    assertThat(p.fingerprint()).hasSize(32);
  }

  @Test
  void fingerprintIgnoresFetchTimeButNotContent() {
    RawPosting first = extractor.extract(PAGE, page(POSTING), FETCHED).postings().get(0);
    RawPosting later = extractor.extract(PAGE, page(POSTING), FETCHED.plusSeconds(3600)).postings().get(0);
    RawPosting edited = extractor.extract(PAGE, page(POSTING.replace("140000", "145000")), FETCHED)
        .postings().get(0);
    assertThat(later.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(edited.fingerprint()).isNotEqualTo(first.fingerprint());
  }

  @Test
  void findsPostingsInGraphsArraysAndTypeLists() {
    String graph = """
        {"@context":"https://schema.org","@graph":[
          {"@type":"Organization","name":"Acme"},
          {"@type":"JobPosting","title":"Data Engineer","identifier":"a","hiringOrganization":"Acme"}]}
        """;
    String array = """
        [{"@type":"JobPosting","title":"Data Analyst","identifier":"b","datePosted":"2026-07-01"},
         {"@type":["Thing","JobPosting"],"title":"ML Engineer","identifier":"c",
          "jobLocationType":"TELECOMMUTE"}]
        """;
    Extraction result = extractor.extract(PAGE, page(graph, array), FETCHED);
    assertThat(result.postings()).extracting(RawPosting::title)
        .containsExactly("Data Engineer", "Data Analyst", "ML Engineer");
    assertThat(result.postings().get(2).remote()).isTrue();
  }

  @Test
  void brokenBlocksAndUntitledPostingsAreProblemsAndTheRestIsStillRead() {
    Extraction result = extractor.extract(PAGE, page("{\"@type\": \"JobPosting\", title: oops",
        "{\"@type\":\"JobPosting\",\"identifier\":\"x\"}", POSTING), FETCHED);
    assertThat(result.postings()).hasSize(1);
    assertThat(result.problems()).extracting(Extraction.Problem::reason)
        .containsExactly("bad_jsonld", "no_title");
  }

  @Test
  void withoutIdentifierTheUrlPathIsTheStableId() {
    String noId = "{\"@type\":\"JobPosting\",\"title\":\"Statistician\",\"datePosted\":\"2026-07-01\"}";
    RawPosting p = extractor.extract(URI.create("https://jobs.example.org/p/9?ref=x"), page(noId), FETCHED)
        .postings().get(0);
    assertThat(p.postingId()).isEqualTo("jsonld:jobs.example.org:/p/9?ref=x");
    assertThat(p.salary()).isNull();
    assertThat(p.remote()).isNull();
  }

  @Test
  void readsMicrodata() {
    String html = """
        <html><body>
        <div itemscope itemtype="https://schema.org/JobPosting">
          <h1 itemprop="title">Senior Data Engineer</h1>
          <meta itemprop="datePosted" content="2024-04-02">
          <span itemprop="identifier">DE-7</span>
          <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
            <span itemprop="name">Acme Data</span></div>
          <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
            <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
              <span itemprop="addressLocality">Toronto</span>, <span itemprop="addressCountry">CA</span>
            </div></div>
          <div itemprop="baseSalary" itemscope itemtype="https://schema.org/MonetaryAmount">
            <meta itemprop="currency" content="CAD">
            <div itemprop="value" itemscope itemtype="https://schema.org/QuantitativeValue">
              <meta itemprop="minValue" content="110000"><meta itemprop="maxValue" content="130000">
              <meta itemprop="unitText" content="YEAR"></div></div>
          <div itemprop="description"><p>Spark and <b>Airflow</b>.</p></div>
        </div></body></html>
        """;
    Extraction result = extractor.extract(PAGE, html, FETCHED);
    assertThat(result.postings()).hasSize(1);
    RawPosting p = result.postings().get(0);
    assertThat(p.title()).isEqualTo("Senior Data Engineer");
    assertThat(p.postingId()).isEqualTo("jsonld:careers.example.com:DE-7");
    assertThat(p.company()).isEqualTo("Acme Data");
    assertThat(p.location().city()).isEqualTo("Toronto");
    assertThat(p.location().country()).isEqualTo("CA");
    assertThat(p.datePosted()).isEqualTo(LocalDate.parse("2024-04-02"));
    assertThat(p.salary().currency()).isEqualTo("CAD");
    assertThat(p.salary().max()).isEqualByComparingTo(new BigDecimal("130000"));
    assertThat(p.description()).isEqualTo("Spark and Airflow.");
  }

  @Test
  void pageWithoutStructuredDataYieldsNothing() {
    Extraction result = extractor.extract(PAGE, "<html><body><a href='/jobs/1'>x</a></body></html>", FETCHED);
    assertThat(result.postings()).isEmpty();
    assertThat(result.problems()).isEmpty();
  }
}
