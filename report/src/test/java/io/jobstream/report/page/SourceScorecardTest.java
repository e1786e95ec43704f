package io.jobstream.report.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceScorecardTest {

  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  static RawPosting posting(String type, String id, String title, String company, Location place, LocalDate date,
      SalaryGiven pay, String description) {
    return new RawPosting(1, type, id, id, "https://jobs.example/" + id, title, company, place, null, null, date, null,
        description, null, pay, AT, null, null);
  }

  static DeadLetter dead(String stage, String reason, String detail, String key, String excerpt) {
    return new DeadLetter(1, stage, reason, detail, "https://boards.example/x", key, excerpt, AT);
  }

  /** An invented market: two greenhouse boards, one lever site, a page source, and their failures. */
  static SourceScorecard invented() {
    SourceScorecard card = new SourceScorecard();
    SalaryGiven pay = new SalaryGiven("GBP", null, new BigDecimal("60000"), new BigDecimal("80000"), "YEAR", null);
    card.add(posting("greenhouse", "greenhouse:quillworks:1", "ML Engineer", "quillworks", Location.ofText("Leeds"),
        LocalDate.of(2026, 11, 1), pay, "Train models."));
    card.add(posting("greenhouse", "greenhouse:quillworks:2", "Data Scientist", "quillworks", null, null, null, "Fit."));
    card.add(posting("greenhouse", "greenhouse:fernhollow:7", "Analyst", "", null, LocalDate.of(2026, 11, 2), null, " "));
    card.add(posting("lever", "lever:tallowtree:a-1", "Research Engineer", "tallowtree", null, null,
        new SalaryGiven("USD", null, null, null, null, "competitive"), null));
    card.add(posting("jsonld", "jsonld:jobs.example:99", "Platform Engineer", "Example", null, null, null, "x"));
    card.add(dead("ingest", "fetch_http_status", "HTTP 403 from https://boards.example/v1/boards/closedshop/jobs",
        "greenhouse:closedshop", null));
    card.add(dead("ingest", "fetch_http_status", "HTTP 429 from https://boards.example/v1/boards/quillworks/jobs",
        "greenhouse:quillworks", null));
    card.add(dead("ingest", "api_error", "greenhouse response is not JSON", "greenhouse:turnstile",
        "<!DOCTYPE html><html><title>one moment</title>"));
    card.add(dead("ingest", "no_title", "lever posting without a title", "lever:tallowtree:a-2", "{}"));
    card.add(dead("ingest", "fetch_io", "cannot fetch x: java.net.http.HttpTimeoutException: request timed out",
        "https://careers.example/jobs", null));
    card.add(dead("ingest", "fetch_http_status", "HTTP 502 from https://boards.example/x", null, null));
    // not about sources: the streams app's dead letters
    card.add(dead("stream", "not_json", "cannot read", "k", "{"));
    return card;
  }

  @Test
  void countsPostingsFieldSharesAndFailuresPerTypeAndPerSource() {
    SourceScorecard card = invented();
    assertThat(card.records()).isEqualTo(11);
    Map<String, SourceScorecard.Row> types = byName(card.types());
    assertThat(types.keySet()).containsExactly("greenhouse", "jsonld", "lever", "other");
    SourceScorecard.Row gh = types.get("greenhouse");
    assertThat(gh.postings()).isEqualTo(3);
    assertThat(gh.sources()).isEqualTo(4);
    assertThat(gh.share("title")).isEqualTo(1.0);
    assertThat(gh.share("company")).isEqualTo(2 / 3.0);
    assertThat(gh.share("location")).isEqualTo(1 / 3.0);
    assertThat(gh.share("date")).isEqualTo(2 / 3.0);
    assertThat(gh.share("pay")).isEqualTo(1 / 3.0);
    assertThat(gh.share("description")).isEqualTo(2 / 3.0);
    assertThat(gh.deadLetters()).containsOnly(Map.entry("fetch_http_status", 2L), Map.entry("api_error", 1L));
    assertThat(gh.failures()).containsOnly(Map.entry("blocked", 2L), Map.entry("rate_limited", 1L));
    assertThat(types.get("lever").share("pay")).isEqualTo(1.0);
    assertThat(types.get("lever").deadLetters()).containsOnly(Map.entry("no_title", 1L));
    assertThat(types.get("jsonld").failures()).containsOnly(Map.entry("timeout", 1L));
    assertThat(types.get("other").failures()).containsOnly(Map.entry("server_error", 1L));
    assertThat(types.get("other").share("title")).isNull();

    Map<String, SourceScorecard.Row> sources = byName(card.sources());
    assertThat(sources.keySet()).containsExactly("greenhouse:closedshop", "greenhouse:fernhollow",
        "greenhouse:quillworks", "greenhouse:turnstile", "jsonld", "lever:tallowtree", "other");
    assertThat(sources.get("greenhouse:quillworks").postings()).isEqualTo(2);
    assertThat(sources.get("greenhouse:quillworks").failures("rate_limited")).isEqualTo(1);
    assertThat(sources.get("greenhouse:turnstile").failures("blocked")).isEqualTo(1);
    assertThat(sources.get("greenhouse:fernhollow").share("company")).isEqualTo(0.0);
  }

  @Test
  void theSourceOfAnIdIsTypeAndTargetForBoardsAndTheTypeForPages() {
    assertThat(SourceScorecard.sourceOf("greenhouse", "greenhouse:acme:12")).isEqualTo("greenhouse:acme");
    assertThat(SourceScorecard.sourceOf("workday", "workday:acme.wd5/External:R-1")).isEqualTo("workday:acme.wd5/External");
    assertThat(SourceScorecard.sourceOf("lever", "lever:acme")).isEqualTo("lever:acme");
    assertThat(SourceScorecard.sourceOf("jsonld", "jsonld:https://a.example/x")).isEqualTo("jsonld");
    assertThat(SourceScorecard.sourceOf("greenhouse", "something-else")).isEqualTo("greenhouse");
    assertThat(SourceScorecard.typeOf("https://a.example/jobs")).isEqualTo("jsonld");
    assertThat(SourceScorecard.typeOf(null)).isEqualTo("other");
    assertThat(SourceScorecard.typeOf("Bad Key: x")).isEqualTo("other");
  }

  @Test
  void thePanelShowsATableOfTypesAndOneOfSources() {
    SourceScorecard card = invented();
    Panel panel = Panels.sources(card);
    assertThat(panel.id()).isEqualTo("sources");
    assertThat(panel.tables()).extracting(Table::id).containsExactly("source-types", "sources");
    String types = panel.tables().get(0).html();
    assertThat(types).contains("greenhouse", "with pay", "blocked", "rate-limited", "67%", "fetch_http_status 2");
    String sources = panel.tables().get(1).html();
    assertThat(sources).contains("greenhouse:quillworks", "lever:tallowtree", "no_title 1");
    // the busiest source first
    assertThat(sources.indexOf("greenhouse:quillworks")).isLessThan(sources.indexOf("greenhouse:closedshop"));
    String page = ReportPage.html(ReportPageTest.workedExample().withScorecard(card), ReportPageTest.REFS, false);
    assertThat(page).contains("id=\"panel-sources\"", "How well is each source read?");
    assertThat(ReportPage.html(ReportPageTest.workedExample(), ReportPageTest.REFS, false)).doesNotContain("id=\"panel-sources\"");
  }

  private static Map<String, SourceScorecard.Row> byName(List<SourceScorecard.Row> rows) {
    Map<String, SourceScorecard.Row> map = new java.util.LinkedHashMap<>();
    rows.forEach(r -> map.put(r.name(), r));
    return map;
  }
}
