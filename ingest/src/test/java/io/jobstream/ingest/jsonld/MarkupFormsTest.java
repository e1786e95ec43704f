package io.jobstream.ingest.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.RawPosting;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forms of schema.org JobPosting markup that real sites emit beyond the plain JSON-LD one,
 * each in the shape schema.org's and Google's documented examples, or the career sites named,
 * give it.
 */
class MarkupFormsTest {

  private static final URI PAGE = URI.create("https://jobs.example.org/p/42");
  private static final Instant FETCHED = Instant.parse("2026-08-06T10:00:00Z");
  private final JsonLdExtractor extractor = new JsonLdExtractor();

  private Extraction jsonLd(String json) {
    return extractor.extract(PAGE, "<html><head><script type=\"application/ld+json\">" + json
        + "</script></head><body></body></html>", FETCHED);
  }

  private RawPosting only(Extraction e) {
    assertThat(e.postings()).hasSize(1);
    return e.postings().get(0);
  }

  @Test
  void aPostingNamedByNameAloneAndPaidAsAPlainNumberWithItsCurrency() {
    RawPosting p = only(jsonLd("""
        {"@context":"https://schema.org","@type":"JobPosting","name":"Software Engineer",
         "baseSalary":"100000","salaryCurrency":"USD","datePosted":"2026-07-01"}"""));
    assertThat(p.title()).isEqualTo("Software Engineer");
    assertThat(p.salary().currency()).isEqualTo("USD");
    assertThat(p.salary().value()).isEqualByComparingTo("100000");
  }

  @Test
  void amountsWithSymbolsAndSeparatorsAreNumbers() {
    RawPosting p = only(jsonLd("""
        {"@type":"JobPosting","title":"Data Analyst","baseSalary":{"@type":"MonetaryAmount",
         "currency":"USD","value":"$100,000"}}"""));
    assertThat(p.salary().value()).isEqualByComparingTo(new BigDecimal("100000"));
  }

  @Test
  void referencesByIdWithinTheGraphAreFollowed() {
    RawPosting p = only(jsonLd("""
        {"@context":"https://schema.org","@graph":[
          {"@type":"Organization","@id":"https://example.com/#org","name":"Example Corp"},
          {"@type":"Place","@id":"#office","address":{"addressLocality":"Porto","addressCountry":"Portugal"}},
          {"@type":"JobPosting","title":"ML Engineer","hiringOrganization":{"@id":"https://example.com/#org"},
           "jobLocation":{"@id":"#office"}}]}"""));
    assertThat(p.company()).isEqualTo("Example Corp");
    assertThat(p.location().city()).isEqualTo("Porto");
    assertThat(p.location().country()).isEqualTo("PT");
  }

  @Test
  void remoteWorkInItsOlderFormsAndCountryNamesInOtherLanguages() {
    RawPosting telecommute = only(jsonLd("""
        {"@type":"JobPosting","title":"Data Engineer","jobLocation":{"@type":"Place",
         "address":{"addressCountry":"Brasil"},"additionalProperty":{"@type":"PropertyValue","value":"TELECOMMUTE"}}}"""));
    assertThat(telecommute.remote()).isTrue();
    assertThat(telecommute.location().country()).isEqualTo("BR");
    RawPosting workday = only(jsonLd("""
        {"@type":"JobPosting","title":"Data Engineer","jobLocation":{"@type":"Place",
         "address":{"addressLocality":"Remote","addressCountry":"Deutschland"}}}"""));
    assertThat(workday.remote()).isTrue();
    assertThat(workday.location().country()).isEqualTo("DE");
    RawPosting office = only(jsonLd("""
        {"@type":"JobPosting","title":"Data Engineer","jobLocation":{"@type":"Place",
         "address":{"addressLocality":"Zürich","addressCountry":"Schweiz"}}}"""));
    assertThat(office.remote()).isFalse();
    assertThat(office.location().country()).isEqualTo("CH");
  }

  @Test
  void datesInTheFormsCareerSitesWriteAndAnUnreadableOneIsReported() {
    assertThat(PageDates.parse("Wed Aug 05 02:00:00 UTC 2026")).isEqualTo(LocalDate.of(2026, 8, 5));
    assertThat(PageDates.parse("Wed, 05 Aug 2026 02:00:00 GMT")).isEqualTo(LocalDate.of(2026, 8, 5));
    assertThat(PageDates.parse("05.08.2026")).isEqualTo(LocalDate.of(2026, 8, 5));
    assertThat(PageDates.parse("1785895200000")).isEqualTo(LocalDate.of(2026, 8, 5));
    assertThat(PageDates.parse("2026-08-05T02:00:00")).isEqualTo(LocalDate.of(2026, 8, 5));
    assertThat(PageDates.parse("2026-08-05T02:00:00-03:00")).isEqualTo(LocalDate.of(2026, 8, 5));
    Extraction e = jsonLd("""
        {"@type":"JobPosting","title":"Statistician","datePosted":"sometime in August"}""");
    assertThat(only(e).datePosted()).isNull();
    assertThat(e.problems()).extracting(Extraction.Problem::reason).containsExactly("bad_date");
    assertThat(e.problems().get(0).detail()).contains("datePosted 'sometime in August'");
  }

  @Test
  void entityEncodedDescriptionsAreDecodedBeforeTheirTextIsRead() {
    RawPosting p = only(jsonLd("""
        {"@type":"JobPosting","title":"Analista de Dados",
         "description":"&lt;p&gt;Nossa equipe cuida dos dados de três clínicas.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;SQL&lt;/li&gt;&lt;/ul&gt;"}"""));
    assertThat(p.description()).doesNotContain("<p>").contains("Nossa equipe cuida dos dados de três clínicas.").contains("SQL");
  }

  @Test
  void employmentTypesBecomeSchemaOrgValues() {
    assertThat(EmploymentTypes.normalize("Full-time")).isEqualTo("FULL_TIME");
    assertThat(EmploymentTypes.normalize("FULL_TIME,CONTRACTOR")).isEqualTo("FULL_TIME,CONTRACTOR");
    assertThat(EmploymentTypes.normalize("part time; Internship")).isEqualTo("PART_TIME,INTERN");
    assertThat(EmploymentTypes.normalize("Zeitarbeit")).isEqualTo("Zeitarbeit");
    RawPosting p = only(jsonLd("""
        {"@type":"JobPosting","title":"Data Scientist","datePosted":"2026-07-01","employmentType":["Full-time","Contract"]}"""));
    assertThat(p.employmentType()).isEqualTo("FULL_TIME,CONTRACTOR");
  }

  @Test
  void rdfaLiteInTheShapeOfSchemaOrgsExample() {
    String html = """
        <html><body><div vocab="https://schema.org/" typeof="JobPosting">
          <h2><span property="title">Map Data Engineer</span></h2>
          <span property="datePosted" content="2026-07-01">July 1</span>
          <div property="hiringOrganization" typeof="Organization"><span property="name">Kestrel Cartography Ltd.</span></div>
          <span property="jobLocation" typeof="Place"><span property="address" typeof="PostalAddress">
            <span property="addressLocality">Bellingham</span>, <span property="addressRegion">WA</span></span></span>
          <span property="baseSalary">98000</span> <meta property="salaryCurrency" content="USD">
        </div></body></html>""";
    RawPosting p = only(extractor.extract(PAGE, html, FETCHED));
    assertThat(p.title()).isEqualTo("Map Data Engineer");
    assertThat(p.company()).isEqualTo("Kestrel Cartography Ltd.");
    assertThat(p.location().city()).isEqualTo("Bellingham");
    assertThat(p.datePosted()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(p.salary().currency()).isEqualTo("USD");
    assertThat(p.salary().value()).isEqualByComparingTo("98000");
  }

  @Test
  void theCountriesARemoteJobAcceptsAreKeptAsIsoCodes() {
    RawPosting p = only(jsonLd("""
        {"@context":"https://schema.org","@type":"JobPosting","title":"Data Engineer","jobLocationType":"TELECOMMUTE",
         "applicantLocationRequirements":[{"@type":"Country","name":"USA"},{"@type":"Country","name":"Deutschland"},
           {"@type":"Country","name":"USA"}]}"""));
    assertThat(p.remote()).isTrue();
    assertThat(p.remoteCountries()).containsExactly("US", "DE");
    RawPosting one = only(jsonLd("""
        {"@type":"JobPosting","title":"Data Engineer","jobLocationType":"TELECOMMUTE","applicantLocationRequirements":{"@type":"Country","name":"Canada"}}"""));
    assertThat(one.remoteCountries()).containsExactly("CA");
    // an area that is not a country is kept as written
    RawPosting state = only(jsonLd("""
        {"@type":"JobPosting","title":"Data Engineer","jobLocationType":"TELECOMMUTE","applicantLocationRequirements":{"@type":"State","name":"Oregon"}}"""));
    assertThat(state.remoteCountries()).containsExactly("Oregon");
    assertThat(only(jsonLd("{\"@type\":\"JobPosting\",\"title\":\"X\",\"datePosted\":\"2026-07-01\"}")).remoteCountries()).isNull();
  }

  @Test
  void aPostingRenamedByItsCanonicalUrlKeepsTheCountriesItAccepts() {
    // a site whose pages all carry one template identifier has its postings renamed by URL
    RawPosting p = only(jsonLd("""
        {"@type":"JobPosting","title":"Data Engineer","identifier":"1234567","jobLocationType":"TELECOMMUTE",
         "applicantLocationRequirements":{"@type":"Country","name":"Canada"}}"""));
    RawPosting renamed = JsonLdExtractor.withCanonicalId(p, URI.create("https://jobs.example.org/careers/de"));
    assertThat(renamed.postingId()).isEqualTo("jsonld:jobs.example.org:/careers/de");
    assertThat(renamed.remoteCountries()).containsExactly("CA");
  }

  @Test
  void aLocalityThatHoldsCountryRegionAndCityIsSplit() {
    RawPosting workday = only(jsonLd("""
        {"@type":"JobPosting","title":"Analyst","jobLocation":{"@type":"Place","address":{
          "@type":"PostalAddress","addressLocality":"US, OR, Hillsboro"}}}"""));
    assertThat(workday.location().city()).isEqualTo("Hillsboro");
    assertThat(workday.location().region()).isEqualTo("OR");
    assertThat(workday.location().country()).isEqualTo("US");
    RawPosting cityFirst = only(jsonLd("""
        {"@type":"JobPosting","title":"Analyst","jobLocation":{"address":{"addressLocality":"Munich, Bavaria, Germany"}}}"""));
    assertThat(cityFirst.location().city()).isEqualTo("Munich");
    assertThat(cityFirst.location().region()).isEqualTo("Bavaria");
    assertThat(cityFirst.location().country()).isEqualTo("DE");
    // two letters last are a US state as often as a country (MA: Massachusetts or Morocco)
    RawPosting state = only(jsonLd("""
        {"@type":"JobPosting","title":"Analyst","jobLocation":{"address":{"addressLocality":"Boston, MA"}}}"""));
    assertThat(state.location().city()).isEqualTo("Boston, MA");
    assertThat(state.location().country()).isNull();
    // a locality with a comma and nothing to tell its parts apart stays as written
    RawPosting plain = only(jsonLd("""
        {"@type":"JobPosting","title":"Analyst","jobLocation":{"address":{"addressLocality":"Winston-Salem, Forsyth",
          "addressRegion":"NC","addressCountry":"US"}}}"""));
    assertThat(plain.location().city()).isEqualTo("Winston-Salem, Forsyth");
  }

  @Test
  void separatorsATemplateLeftAroundAnAddressPartAreDropped() {
    RawPosting p = only(jsonLd("""
        {"@type":"JobPosting","title":"Analyst","jobLocation":{"address":{"addressLocality":", Bellingham",
          "addressRegion":"WA, ","addressCountry":" US;"}}}"""));
    assertThat(p.location().city()).isEqualTo("Bellingham");
    assertThat(p.location().region()).isEqualTo("WA");
    assertThat(p.location().country()).isEqualTo("US");
    assertThat(p.location().text()).isEqualTo("Bellingham, WA, US");
    RawPosting none = only(jsonLd("""
        {"@type":"JobPosting","title":"Analyst","jobLocation":{"address":{"addressLocality":" , ","addressCountry":"US"}}}"""));
    assertThat(none.location().city()).isNull();
  }

  @Test
  void microdataLocationPropertiesWithoutTheirOwnItemAreTheLocation() {
    String html = """
        <html><body><div itemscope itemtype="https://schema.org/JobPosting">
          <h1 itemprop="title">Data Scientist</h1>
          <div itemprop="jobLocation"><span itemprop="addressLocality">Bellingham</span>,
            <span itemprop="addressRegion">WA</span> <span itemprop="addressCountry">US</span></div>
        </div></body></html>""";
    RawPosting p = only(extractor.extract(PAGE, html, FETCHED));
    assertThat(p.location().city()).isEqualTo("Bellingham");
    assertThat(p.location().region()).isEqualTo("WA");
    assertThat(p.location().country()).isEqualTo("US");
  }

  @Test
  void aTitleWithNothingElseOfAPostingIsReportedNotPublished() {
    // the shape of schema.org's examples of one property: a title and its skills, nothing else
    Extraction e = jsonLd("""
        {"@type":"JobPosting","title":"Cable Jointer","skills":{"@type":"DefinedTerm","name":"Jointing"},
         "identifier":"CJ-1","validThrough":"2026-09-01","employmentType":"FULL_TIME"}""");
    assertThat(e.postings()).isEmpty();
    assertThat(e.problems()).extracting(Extraction.Problem::reason).containsExactly("title_only");
    assertThat(e.problems().get(0).detail()).contains("'Cable Jointer'");
    // any one of employer, description, place, remote work, date or pay makes it a posting
    for (String fact : List.of("\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":\"Kestrel\"}",
        "\"hiringOrganization\":\"Kestrel\"", "\"description\":\"<p>Joints cables.</p>\"",
        "\"jobLocation\":{\"address\":{\"addressLocality\":\"Leeds\"}}", "\"jobLocationType\":\"TELECOMMUTE\"",
        "\"datePosted\":\"2026-07-01\"", "\"baseSalary\":{\"currency\":\"GBP\",\"value\":32000}")) {
      assertThat(jsonLd("{\"@type\":\"JobPosting\",\"title\":\"Cable Jointer\"," + fact + "}").postings())
          .as(fact).hasSize(1);
    }
    // an organization named by nothing, a blank description: still nothing
    assertThat(jsonLd("""
        {"@type":"JobPosting","title":"Cable Jointer","hiringOrganization":{"@type":"Organization"},
         "description":"  "}""").problems()).extracting(Extraction.Problem::reason).containsExactly("title_only");
  }

  @Test
  void aJsonLdDocumentServedAsItselfIsReadAsOneBlock() {
    String json = "\uFEFF\n  {\"@context\":\"https://schema.org/\",\"@type\":\"JobPosting\",\"title\":\"Data Engineer\","
        + "\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":\"Kestrel Cartography Ltd.\"}}";
    RawPosting p = only(extractor.extract(PAGE, json, FETCHED));
    assertThat(p.title()).isEqualTo("Data Engineer");
    assertThat(p.company()).isEqualTo("Kestrel Cartography Ltd.");
    Extraction list = extractor.extract(PAGE, "[{\"@type\":\"JobPosting\",\"name\":\"Analyst\","
        + "\"datePosted\":\"2026-07-01\"}]", FETCHED);
    assertThat(only(list).title()).isEqualTo("Analyst");
    // a broken one is reported as JSON-LD that does not parse, not searched for markup as a page
    assertThat(extractor.extract(PAGE, "{\"@type\":\"JobPosting\",", FETCHED).problems())
        .extracting(Extraction.Problem::reason).containsExactly("bad_jsonld");
  }

  @Test
  void thePageMarkupSeenIsNamedForAPageWithoutPostings() {
    String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"WebPage\"}</script></head>"
        + "<body><div itemscope itemtype=\"https://schema.org/Organization\"></div></body></html>";
    assertThat(extractor.extract(PAGE, html, FETCHED).postings()).isEmpty();
    assertThat(JsonLdExtractor.markupSeen(html)).isEqualTo(
        "JSON-LD types [WebPage], microdata types [https://schema.org/Organization], RDFa types []");
  }
}
