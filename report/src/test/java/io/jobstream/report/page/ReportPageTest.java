package io.jobstream.report.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.report.reference.OfficialReferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPageTest {

  static final OfficialReferences REFS = OfficialReferences.load();
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  static SalaryStats stats(String family, int year, long count, Double median, SalaryStats.EmphasisShares emphasis,
      Double gender) {
    LocalDate start = LocalDate.of(year, 1, 1);
    return new SalaryStats(1, family, "all", "all", "all", "year", start, start.plusYears(1), count, count, 0, "USD",
        median, median, median, median, median, median, median, median, 0.0, median, median, 0.0, emphasis, gender, AT);
  }

  static SalaryDivergence gap(int year, long nA, long nB, double ma, double mb, double lo, double hi, double p,
      SalaryDivergence.Trend trend) {
    LocalDate start = LocalDate.of(year, 1, 1);
    return new SalaryDivergence(1, "ml_engineer", "data_scientist", "year", start, start.plusYears(1), "all", "all",
        nA, nB, ma, mb, ma - mb, ma / mb, lo, hi, p, p < 0.05, 0.05, "USD", "median gap", trend, AT);
  }

  static ReportModel workedExample() {
    List<SalaryStats> stats = new ArrayList<>();
    stats.add(stats("ml_engineer", 2023, 1176, 184700.0, null, null));
    stats.add(stats("ml_engineer", 2024, 4217, 189000.0, new SalaryStats.EmphasisShares(40, 0.5, 0.25, 0.25), 0.12));
    stats.add(stats("data_scientist", 2023, 1973, 160000.0, null, null));
    stats.add(stats("data_scientist", 2024, 7617, 154660.0, null, -0.05));
    // other groups and windows are not the report's
    stats.add(new SalaryStats(1, "ml_engineer", "senior", "all", "all", "year", LocalDate.of(2024, 1, 1),
        LocalDate.of(2025, 1, 1), 5, 5, 0, "USD", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, null, null, AT));
    List<SalaryDivergence> gaps = List.of(
        gap(2023, 1176, 1973, 184700, 160000, 19068, 30332, 1.1e-29, null),
        gap(2024, 4217, 7617, 189000, 154660, 30891, 37789, 4.4e-188,
            new SalaryDivergence.Trend(LocalDate.of(2023, 1, 1), 24700, 9640, 2000, 17000, "widened")));
    return ReportModel.of("year", List.of(FamilyPair.ML_ENGINEER_DATA_SCIENTIST), stats, gaps);
  }

  @Test
  void theGapTableShowsEachWindowsDivergenceWithItsExactValues() {
    String html = ReportPage.html(workedExample(), REFS, false);
    assertThat(html).contains("<tr data-key=\"ml_engineer|data_scientist|year|2024-01-01|all|all\">");
    assertThat(html).contains("data-value=\"34340.0\">+34,340</td>");
    assertThat(html).contains("data-value=\"4.4E-188\">4.4e-188</td>");
    assertThat(html).contains(">widened</td>");
    // the senior slice is not in the family table
    assertThat(html).doesNotContain("year|2024-01-01|ml_engineer|senior");
  }

  @Test
  void everyPanelIsDrawnAndTheOfficialFiguresOfTheWindowsYearsArePresent() {
    String html = ReportPage.html(workedExample(), REFS, false);
    for (String chart : List.of("gap-ml_engineer-data_scientist", "median-pay", "postings-with-pay", "emphasis-ml_engineer", "emphasis-data_scientist",
        "gender-coding", "official-wages", "official-women")) {
      assertThat(html).contains("data-chart=\"" + chart + "\"");
    }
    assertThat(html).contains("data-series=\"BLS data scientists\" data-x=\"2024\" data-y=\"112590.0\"");
    assertThat(html).contains("data-series=\"BLS software developers\" data-x=\"2023\" data-y=\"132270.0\"");
    assertThat(html).contains("data-series=\"ml_heavy\" data-x=\"2024\" data-y=\"0.5\"");
  }

  @Test
  void theReadingIsMadeFromTheNumbers() {
    String html = ReportPage.html(workedExample(), REFS, false);
    assertThat(html).contains("In the latest year window with enough postings (2024), the median posted pay of ML"
        + " engineers was 189,000 USD (4,217 postings with pay) against 154,660 for data scientists (7,617): a gap"
        + " of +34,340, 95% interval +30,891 to +37,789, p = 4.4e-188.");
    assertThat(html).contains("Against the window before, the gap widened (change +9,640");
    assertThat(html).contains("A handful of points: 2 year windows with a gap.");
    assertThat(html).contains("BLS puts the national median wage of data scientists at 112,590 USD in May 2024");
  }

  /** {@code d} with an adjusted gap of {@code adjusted} from two invented cells. */
  static SalaryDivergence withAdjusted(SalaryDivergence d, double adjusted) {
    return new SalaryDivergence(d.schemaVersion(), d.a(), d.b(), d.window(), d.windowStart(), d.windowEnd(),
        d.seniority(), d.country(), d.nA(), d.nB(), d.medianA(), d.medianB(), d.gap(), d.ratio(), d.ciLow(),
        d.ciHigh(), d.pValue(), d.significant(), d.alpha(), d.currency(), d.method(), d.trend(), d.updatedAt(),
        adjusted, adjusted - 4_000, adjusted + 4_000, 0.8125,
        List.of(new SalaryDivergence.AdjustedCell("mid", "US", 900, 2100, 170_000, 140_000, 30_000, 0.25),
            new SalaryDivergence.AdjustedCell("senior", "other", 2500, 3500, 200_000, 170_000, adjusted, 0.75)));
  }

  @Test
  void theRawAndTheAdjustedGapShareAChartAndTheCellsHaveATable() {
    ReportModel base = workedExample();
    List<SalaryDivergence> gaps = new ArrayList<>(base.gaps(FamilyPair.ML_ENGINEER_DATA_SCIENTIST).values());
    gaps.set(1, withAdjusted(gaps.get(1), 31_000));
    ReportModel model = ReportModel.of("year", List.of(FamilyPair.ML_ENGINEER_DATA_SCIENTIST), List.of(), gaps);
    String html = ReportPage.html(model, REFS, false);
    assertThat(html).contains("data-series=\"gap\" data-x=\"2024\" data-y=\"34340.0\"")
        .contains("data-series=\"adjusted for seniority and place\" data-x=\"2024\" data-y=\"31000.0\"")
        .doesNotContain("data-series=\"adjusted for seniority and place\" data-x=\"2023\"");
    assertThat(html).contains("<tr data-key=\"ml_engineer|data_scientist|year|2024-01-01|all|all|senior|other\">")
        .contains("data-value=\"0.75\">75%</td>");
    assertThat(html).contains("Holding seniority and country equal (2 cells with enough postings of both, 81% of"
        + " their postings with pay), the gap is +31,000, 95% interval +27,000 to +35,000, 90% of the raw gap: the gap"
        + " is not explained by seniority and country.");
    assertThat(html).contains("The adjusted gap holds equal only what the postings say");
  }

  @Test
  void cellsOfOneSeniorityAdjustForCountryAloneAndTheReadingSaysSo() {
    SalaryDivergence raw = workedExample().gaps(FamilyPair.ML_ENGINEER_DATA_SCIENTIST).values().iterator().next();
    SalaryDivergence byCountry = new SalaryDivergence(raw.schemaVersion(), raw.a(), raw.b(), raw.window(),
        raw.windowStart(), raw.windowEnd(), raw.seniority(), raw.country(), raw.nA(), raw.nB(), raw.medianA(),
        raw.medianB(), 30_000, raw.ratio(), 20_000, 40_000, raw.pValue(), raw.significant(), raw.alpha(),
        raw.currency(), raw.method(), raw.trend(), raw.updatedAt(), 29_000.0, 25_000.0, 33_000.0, 0.9,
        List.of(new SalaryDivergence.AdjustedCell("mid", "US", 900, 2100, 170_000, 140_000, 30_000, 0.7),
            new SalaryDivergence.AdjustedCell("mid", "other", 300, 400, 120_000, 92_000, 28_000, 0.3)));
    assertThat(Reading.heldEqual(byCountry)).isEqualTo("country");
    assertThat(Reading.adjustedSentence(byCountry)).startsWith("Holding country equal (2 cells")
        .contains("the gap is not explained by country.")
        .endsWith("Its postings name one seniority only, so seniority is not adjusted for.")
        .doesNotContain("seniority and");
  }

  @Test
  void howMuchSeniorityAndPlaceExplainFollowsTheShareOfTheRawGapLeft() {
    SalaryDivergence raw = gap(2024, 100, 100, 130_000, 100_000, 20_000, 40_000, 1e-6, null);
    assertThat(Reading.explained(withAdjusted(raw, 24_000))).isEqualTo("not"); // 80% left
    assertThat(Reading.explained(withAdjusted(raw, 22_500))).isEqualTo("not"); // 75%
    assertThat(Reading.explained(withAdjusted(raw, 15_000))).isEqualTo("partly");
    assertThat(Reading.explained(withAdjusted(raw, 7_500))).isEqualTo("partly"); // 25%
    assertThat(Reading.explained(withAdjusted(raw, 5_000))).isEqualTo("mostly");
    assertThat(Reading.explained(withAdjusted(raw, -3_000))).isEqualTo("mostly");
    assertThat(Reading.explained(raw)).isNull();
    // no clear raw gap: nothing to explain
    SalaryDivergence unclear = gap(2024, 100, 100, 103_000, 100_000, -2_000, 8_000, 0.3, null);
    assertThat(Reading.explained(withAdjusted(unclear, 1_000))).isNull();
    assertThat(Reading.adjustedSentence(withAdjusted(unclear, 1_000))).endsWith("no clear gap for seniority and"
        + " country to explain.");
    assertThat(Reading.adjustedSentence(raw)).contains("cannot be adjusted");
  }

  @Test
  void theStaticPageFetchesNothingAndTheLiveOneOnlyItsOwnServer() {
    String page = ReportPage.html(workedExample(), REFS, false);
    assertThat(page.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://", "<script", "src=");
    String live = ReportPage.html(workedExample(), REFS, true);
    assertThat(live).contains("<script>").contains("fetch('" + ReportPage.FRAGMENT_PATH + "'");
    assertThat(live.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://", "src=");
  }

  @Test
  void anEmptyModelGivesAPageThatSaysSo() {
    ReportModel empty = ReportModel.of("year", List.of(FamilyPair.ML_ENGINEER_DATA_SCIENTIST), List.of(), List.of());
    String html = ReportPage.html(empty, REFS, true);
    assertThat(html).contains("no data for this panel yet").contains("there is no gap to judge");
  }

  @Test
  void filesHoldThePageEveryChartAndEveryTable(@TempDir Path dir) throws Exception {
    List<Path> files = ReportFiles.write(dir, workedExample(), REFS);
    assertThat(files.get(0).getFileName().toString()).isEqualTo("index.html");
    assertThat(dir.resolve("gap-ml_engineer-data_scientist.svg")).exists();
    String csv = Files.readString(dir.resolve("gap-ml_engineer-data_scientist.csv"));
    assertThat(csv.split("\r\n")).hasSize(3);
    assertThat(csv).contains("2024,2024-01-01,4217,7617,189000.0,154660.0,34340.0,30891.0,37789.0,4.4E-188,yes,widened,9640.0,USD");
    assertThat(Files.readString(dir.resolve("official.csv"))).contains("2024,15-2051 Data Scientists,112590.0");
  }

  @Test
  void pValuesAndAmountsReadAsInTheReadme() {
    assertThat(Formats.pValue(0.047)).isEqualTo("0.047");
    assertThat(Formats.pValue(0.26)).isEqualTo("0.26");
    assertThat(Formats.pValue(1.1e-29)).isEqualTo("1.1e-29");
    assertThat(Formats.signedMoney(-20367.0)).isEqualTo("-20,367");
  }
}
