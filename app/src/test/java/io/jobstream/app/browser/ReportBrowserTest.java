package io.jobstream.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.aggregate.JobstreamTopology;
import io.jobstream.aggregate.StreamApp;
import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.app.SurveyFixture;
import io.jobstream.app.TopicSetup;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.app.demo.DemoJobBoard;
import io.jobstream.app.report.TopicSnapshot;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import io.jobstream.report.page.Formats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/query-and-report.md (a salary survey replayed with year windows), then
 * {@code jobstream report}, opened from disk in headless Chromium: every chart drawn with the data
 * it says it holds, nothing logged as an error, and the gap and family tables equal to the topics.
 * It runs on a survey the test generates, and in the {@code data} group on the real survey from
 * the data directory; the figures checked come from the topics and a batch computation over the
 * classified postings, so they hold for any copy of the survey. The gap adjusted for seniority and
 * country of every year window equals one computed here from the classified postings, apart from
 * the stream (grouping, pooling of small countries, medians of sorted values, weights; only each
 * cell's Price-Bonett variance comes from {@code MedianGap}, checked against SciPy on its own).
 */
@Tag("integration")
@Tag("browser")
class ReportBrowserTest {

  private static final String KEY_2024 = "ml_engineer|data_scientist|year|2024-01-01|all|all";

  @TempDir
  Path dir;

  @Test
  void aReportOnAGeneratedSurveyAndJobBoardShowsTheTopicsFiguresAndEmphasisInABrowser() throws Exception {
    try (DemoJobBoard board = DemoJobBoard.start(0)) {
      workedExample(SurveyFixture.write(dir.resolve("survey.csv"), 31, 20_000), Path.of("target", "report-generated.png"),
          board);
    }
  }

  @Test
  @Tag("data")
  void theWorkedExamplesReportOnTheSurveyShowsTheTopicsFiguresInABrowser() throws Exception {
    workedExample(DataDirectory.fromEnvironment().require(DataSet.SALARY_SURVEY),
        Path.of("target", "report-worked-example.png"), null);
  }

  /** The report of the survey's rows, and of the job board's postings (with descriptions) if there is one. */
  private void workedExample(Path survey, Path screenshot, DemoJobBoard board) throws Exception {
    long rows = SurveyFixture.dataRows(survey).size() + (board == null ? 0 : board.postingCount());
    try (Chromium browser = Chromium.start();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60))) {
      Properties client = new Properties();
      client.put("bootstrap.servers", broker.bootstrapServers());
      TopicSetup.ensureTopics(client);
      java.util.List<String> ingest = new java.util.ArrayList<>(java.util.List.of("ingest", "--bootstrap-servers",
          broker.bootstrapServers(), "--once", "--source", "csv:" + survey));
      if (board != null) {
        ingest.addAll(java.util.List.of("--source", "jsonld:" + board.listingUri(), "--allow-host", "127.0.0.1",
            "--min-delay", "0s"));
      }
      assertThat(JobstreamCli.commandLine().execute(ingest.toArray(String[]::new))).isZero();
      Properties settings = new Properties();
      settings.putAll(client);
      settings.put(JobstreamConfig.WINDOWS_CONFIG, "year");
      settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "500");
      Map<String, SalaryStats> stats;
      Map<String, SalaryDivergence> gaps;
      Map<String, ClassifiedPosting> postings;
      try (StreamApp app = StreamApp.start(StreamApp.streamsConfig(settings, dir.resolve("streams")))) {
        assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
        Map<String, ClassifiedPosting> classified = classified(client, rows);
        postings = classified;
        long[] payIn2024 = new long[2];
        classified.values().forEach(p -> {
          if (p.eventDate().getYear() == 2024 && p.pay() != null && p.pay().reportingMidpoint() != null) {
            if (p.family().equals("ml_engineer")) {
              payIn2024[0]++;
            } else if (p.family().equals("data_scientist")) {
              payIn2024[1]++;
            }
          }
        });
        if (board == null) {
          gaps = settled(client, payIn2024[0]);
          stats = TopicSnapshot.read(client, Topics.STATS, Duration.ofSeconds(30));
          assertThat(gaps.get(KEY_2024).nB()).isEqualTo(payIn2024[1]);
        } else {
          // the board's cross-posted copies count once in the statistics, not in the classified
          // topic: wait for the figures to settle, then check the report against them
          gaps = settled(client, -1);
          stats = TopicSnapshot.read(client, Topics.STATS, Duration.ofSeconds(30));
        }
      }
      SalaryDivergence y2024 = gaps.get(KEY_2024);
      // the survey's years: its classified postings are all the divergences count, except in years
      // where the board's cross-posted copies (counted once by the stream, not in the classified
      // topic) are among them
      java.util.Set<Integer> boardYears = new java.util.HashSet<>();
      postings.values().stream().filter(p -> !p.source().equals("csv")).forEach(p -> boardYears.add(p.eventDate().getYear()));
      int checked = 0;
      for (int year = 2021; year <= 2024; year++) {
        String key = "ml_engineer|data_scientist|year|" + year + "-01-01|all|all";
        assertThat(gaps).as(key).containsKey(key);
        if (!boardYears.contains(year)) {
          adjustedEqualsBatch(gaps.get(key), postings.values(), year);
          checked++;
        }
      }
      assertThat(checked).as("years checked against the batch computation").isGreaterThanOrEqualTo(board == null ? 4 : 1);
      long gapYears = gaps.keySet().stream()
          .filter(k -> k.startsWith("ml_engineer|data_scientist|year|") && k.endsWith("|all|all")).count();
      long statYears = stats.values().stream().filter(s -> s.window().equals("year")).map(SalaryStats::windowStart)
          .distinct().count();

      // a record jobstream did not write, on the topic the report reads: skipped, the rest reported
      try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(client,
          new org.apache.kafka.common.serialization.StringSerializer(),
          new org.apache.kafka.common.serialization.StringSerializer())) {
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.STATS.name(), "garbage", "not json"))
            .get();
      }

      Path out = dir.resolve("report");
      StringWriter text = new StringWriter();
      var cli = JobstreamCli.commandLine();
      cli.setOut(new PrintWriter(text, true));
      assertThat(cli.execute("report", "--bootstrap-servers", broker.bootstrapServers(), "--window", "year",
          "--out", out.toString())).as(text.toString()).isZero();
      assertThat(text.toString()).contains("report: " + statYears + " year windows, " + gapYears
          + " gaps of [ml_engineer:data_scientist]");

      browser.open(out.resolve("index.html").toUri().toString());
      Map<String, Integer> charts = PageChecks.charts(browser.evaluate(PageChecks.CHARTS));
      java.util.Set<String> expectedCharts = new java.util.HashSet<>(java.util.Set.of("gap-ml_engineer-data_scientist",
          "median-pay", "postings-with-pay", "emphasis-ml_engineer", "emphasis-data_scientist", "gender-coding",
          "official-wages", "official-women"));
      boolean demand = DataDirectory.fromEnvironment().has(DataSet.INDEED_HIRING_LAB);
      if (demand) {
        expectedCharts.add("demand-indeed");
      }
      assertThat(charts.keySet()).containsExactlyInAnyOrderElementsOf(expectedCharts);
      if (demand) {
        // a point per sector for each window year the index has days in, read from the index's file
        assertThat(charts.get("demand-indeed")).isEqualTo(indexPoints(stats));
      }
      assertThat(charts.get("gap-ml_engineer-data_scientist"))
          .isEqualTo(PageChecks.gapChartPoints(gaps, "ml_engineer|data_scientist|year|"));
      assertThat(y2024.adjustedGap()).as("the 2024 gap adjusted").isNotNull();
      assertThat(browser.evaluate("document.querySelector('[data-chart=\"gap-ml_engineer-data_scientist\"]"
          + " [data-series=\"adjusted for seniority and place\"][data-x=\"2024\"]').dataset.y").asText())
          .isEqualTo(Double.toString(y2024.adjustedGap()));
      PageChecks.cellTableEqualsTopic(browser.evaluate(PageChecks.rows("gap-cells-ml_engineer-data_scientist")), gaps,
          "ml_engineer|data_scientist|year|");
      // ml_engineer, data_scientist, software_engineer in each year they have postings with pay
      assertThat(charts.get("median-pay")).isEqualTo(count(stats, s -> s.median() != null));
      // BLS: both occupations 2020-2024, beside the posted medians of data scientists and software engineers
      assertThat(charts.get("official-wages")).isEqualTo(10 + count(stats, s -> s.median() != null
          && !s.family().equals("ml_engineer")));
      // CPS has 2020-2022 of the report's years, for both occupations
      assertThat(charts.get("official-women")).isEqualTo(6);
      if (board == null) {
        // the survey's rows have no description: no emphasis, no wording score, and the charts say so
        assertThat(charts.get("emphasis-ml_engineer")).isZero();
        assertThat(charts.get("gender-coding")).isZero();
      } else {
        // the board's postings have descriptions: the ML engineer camps per window with their
        // intervals, and example verdicts with the phrases that decided them
        assertThat(charts.get("emphasis-ml_engineer")).isPositive();
        JsonNode emphasis = browser.evaluate(PageChecks.rows("emphasis"));
        assertThat(emphasis.size()).isPositive();
        assertThat(emphasis.toString()).containsPattern("\\d+-\\d+%");
        JsonNode examples = browser.evaluate(PageChecks.rows("emphasis-examples"));
        assertThat(examples.size()).isPositive();
        assertThat(examples.toString()).contains("ml_engineer").containsPattern("\\(\\d\\.\\d\\d, ");
      }
      assertThat(browser.evaluate("document.querySelector('[data-chart=\"official-wages\"] [data-series=\"BLS data"
          + " scientists\"][data-x=\"2024\"]').dataset.y").asText()).isEqualTo("112590.0");

      PageChecks.gapTableEqualsTopic(browser.evaluate(PageChecks.rows("gap-ml_engineer-data_scientist")), gaps,
          "ml_engineer|data_scientist|year|");
      PageChecks.familyTableEqualsTopic(browser.evaluate(PageChecks.rows("families")), stats);
      // the scorecard per source: a row per source type, its postings those ingest published
      Map<String, Long> published = new java.util.TreeMap<>();
      TopicSnapshot.forEach(client, Topics.RAW, Duration.ofSeconds(30), p -> published.merge(p.source(), 1L, Long::sum));
      JsonNode types = browser.evaluate(PageChecks.rows("source-types"));
      assertThat(published).containsKey("csv");
      if (board != null) {
        assertThat(published).containsKey("jsonld");
      }
      java.util.Set<String> shownTypes = new java.util.TreeSet<>();
      types.fieldNames().forEachRemaining(shownTypes::add);
      assertThat(shownTypes).containsAll(published.keySet());
      published.forEach((type, n) -> assertThat(types.get(type).get(2).get("value").asLong()).as(type).isEqualTo(n));
      assertThat(browser.evaluate(PageChecks.rows("sources")).size()).isPositive();
      JsonNode reading = browser.evaluate("document.getElementById('reading').textContent");
      assertThat(reading.asText()).contains("a gap of " + Formats.signedMoney(y2024.gap()) + ", 95% interval "
          + Formats.signedMoney(y2024.ciLow()) + " to " + Formats.signedMoney(y2024.ciHigh()));
      assertThat(browser.problems()).as("errors the page logged").isEmpty();

      String csv = Files.readString(out.resolve("gap-ml_engineer-data_scientist.csv"));
      assertThat(csv).contains("2024,2024-01-01," + y2024.nA() + "," + y2024.nB() + "," + y2024.medianA() + ","
          + y2024.medianB() + "," + y2024.gap() + "," + y2024.ciLow() + "," + y2024.ciHigh() + "," + y2024.pValue() + ",");
      browser.screenshot(screenshot, 1000);
    }
  }

  /**
   * The topic's adjusted gap of {@code year} against one computed from the classified postings: cells
   * of seniority x country (countries where either family has fewer than the minimum n pooled as
   * other), cells with the minimum n on both sides, weights the cells' shares of both families'
   * postings with pay.
   */
  static void adjustedEqualsBatch(SalaryDivergence d, java.util.Collection<ClassifiedPosting> postings, int year) {
    long minN = io.jobstream.aggregate.DivergenceSettings.from(new Properties()).minN();
    // family -> seniority -> country -> pay
    Map<String, Map<String, Map<String, java.util.List<Double>>>> pay = new java.util.HashMap<>();
    Map<String, Map<String, Long>> byCountry = new java.util.HashMap<>();
    for (ClassifiedPosting p : postings) {
      if (p.eventDate().getYear() != year || p.pay() == null || p.pay().reportingMidpoint() == null
          || !(p.family().equals("ml_engineer") || p.family().equals("data_scientist"))) {
        continue;
      }
      String country = p.country() == null || p.country().isBlank() ? "unknown" : p.country();
      pay.computeIfAbsent(p.family(), f -> new java.util.HashMap<>()).computeIfAbsent(p.seniority(),
          s -> new java.util.HashMap<>()).computeIfAbsent(country, c -> new java.util.ArrayList<>())
          .add(p.pay().reportingMidpoint());
      byCountry.computeIfAbsent(p.family(), f -> new java.util.HashMap<>()).merge(country, 1L, Long::sum);
    }
    long total = byCountry.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    // "seniority\tcountry" (other sorts last) -> [A's pay, B's pay]
    java.util.TreeMap<String, java.util.List<java.util.List<Double>>> cells = new java.util.TreeMap<>();
    String[] families = {"ml_engineer", "data_scientist"};
    for (int side = 0; side < 2; side++) {
      int s = side;
      pay.getOrDefault(families[side], Map.of()).forEach((seniority, countries) -> countries.forEach((country, v) -> {
        boolean alone = byCountry.getOrDefault("ml_engineer", Map.of()).getOrDefault(country, 0L) >= minN
            && byCountry.getOrDefault("data_scientist", Map.of()).getOrDefault(country, 0L) >= minN;
        String cell = seniority + "\t" + (alone ? "0" + country : "1other");
        cells.computeIfAbsent(cell, c -> java.util.List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>()))
            .get(s).addAll(v);
      }));
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    java.util.List<double[]> used = new java.util.ArrayList<>(); // nA, nB, medianA, medianB, variance
    long covered = 0;
    for (var cell : cells.entrySet()) {
      java.util.List<Double> a = cell.getValue().get(0);
      java.util.List<Double> b = cell.getValue().get(1);
      if (a.size() < minN || b.size() < minN) {
        continue;
      }
      java.util.Collections.sort(a);
      java.util.Collections.sort(b);
      var tree = (java.util.function.Function<java.util.List<Double>, java.util.TreeMap<Double, Long>>) l -> {
        java.util.TreeMap<Double, Long> t = new java.util.TreeMap<>();
        l.forEach(v -> t.merge(v, 1L, Long::sum));
        return t;
      };
      double variance = io.jobstream.aggregate.stats.MedianGap.of(tree.apply(a), tree.apply(b), 0.95).variance();
      names.add(cell.getKey().replace("\t0", "|").replace("\t1", "|"));
      used.add(new double[] {a.size(), b.size(), median(a), median(b), variance});
      covered += a.size() + b.size();
    }
    if (used.isEmpty()) {
      assertThat(d.adjustedGap()).as(year + ": no cell has the minimum n on both sides").isNull();
      assertThat(d.adjustedCells()).isNull();
      return;
    }
    double gap = 0;
    double variance = 0;
    java.util.List<String> expectedCells = new java.util.ArrayList<>();
    for (int i = 0; i < used.size(); i++) {
      double[] c = used.get(i);
      double w = (c[0] + c[1]) / covered;
      gap += w * (c[2] - c[3]);
      variance += w * w * c[4];
      expectedCells.add(names.get(i) + " " + (long) c[0] + ":" + (long) c[1] + " " + c[2] + " " + c[3] + " " + w);
    }
    double half = 1.959963984540054 * Math.sqrt(variance);
    assertThat(d.adjustedCells()).extracting(c -> c.seniority() + "|" + c.country() + " " + c.nA() + ":" + c.nB() + " "
        + c.medianA() + " " + c.medianB() + " " + c.weight()).as(year + " cells").containsExactlyElementsOf(expectedCells);
    assertThat(d.adjustedGap()).as(year + " adjusted gap").isCloseTo(gap, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(d.adjustedCiLow()).as(year + " low").isCloseTo(gap - half, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(d.adjustedCiHigh()).as(year + " high").isCloseTo(gap + half, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(d.adjustedCoverage()).as(year + " coverage").isEqualTo((double) covered / total);
    // the figures of the worked example (docs/adjusted-gap.md), for the reader of the test's output
    System.out.printf(java.util.Locale.ROOT, "%d: gap %.0f (%.0f .. %.0f), adjusted %.0f (%.0f .. %.0f), coverage %.3f,"
        + " cells %s%n", year, d.gap(), d.ciLow(), d.ciHigh(), d.adjustedGap(), d.adjustedCiLow(), d.adjustedCiHigh(),
        d.adjustedCoverage(), expectedCells);
  }

  /** The median of sorted values (the mean of the middle two for an even count). */
  private static double median(java.util.List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Sector-years of the Indeed index (two sectors) among the years of the statistics' windows. */
  private static int indexPoints(Map<String, SalaryStats> stats) throws java.io.IOException {
    java.util.Set<Integer> years = new java.util.HashSet<>();
    stats.values().stream().filter(s -> s.window().equals("year")).forEach(s -> years.add(s.windowStart().getYear()));
    java.util.Set<String> points = new java.util.HashSet<>();
    Path dir = DataDirectory.fromEnvironment().path(DataSet.INDEED_HIRING_LAB);
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        for (String line : Files.readAllLines(file)) {
          String[] f = line.split(",");
          if (f.length == 5 && (f[4].equals("Software Development") || f[4].equals("Mathematics"))
              && years.contains(Integer.parseInt(f[0].substring(0, 4)))) {
            points.add(f[4] + f[0].substring(0, 4));
          }
        }
      }
    }
    return points.size();
  }

  private static int count(Map<String, SalaryStats> stats, java.util.function.Predicate<SalaryStats> which) {
    return (int) stats.values().stream()
        .filter(s -> s.window().equals("year") && s.seniority().equals("all") && s.country().equals("all")
            && s.remote().equals("all") && java.util.List.of("ml_engineer", "data_scientist", "software_engineer")
            .contains(s.family()))
        .filter(which).count();
  }

  /** The classified postings, once all {@code rows} of the survey are classified. */
  private static Map<String, ClassifiedPosting> classified(Properties client, long rows) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      Map<String, ClassifiedPosting> now = TopicSnapshot.read(client, Topics.CLASSIFIED, Duration.ofSeconds(30));
      if (now.size() >= rows || System.nanoTime() > deadline) {
        assertThat(now).as("classified postings").hasSize((int) rows);
        return now;
      }
      Thread.sleep(2000);
    }
  }

  /** The divergence topic once the survey is in and two reads a few seconds apart agree. */
  static Map<String, SalaryDivergence> settled(Properties client) throws InterruptedException {
    return settled(client, -1);
  }

  /**
   * The divergence topic once two reads a few seconds apart agree and the 2024 gap counts
   * {@code nA} ML engineer postings with pay ({@code -1}: any).
   */
  static Map<String, SalaryDivergence> settled(Properties client, long nA) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    Map<String, SalaryDivergence> last = Map.of();
    while (System.nanoTime() < deadline) {
      Map<String, SalaryDivergence> now = TopicSnapshot.read(client, Topics.DIVERGENCE, Duration.ofSeconds(30));
      SalaryDivergence d = now.get(KEY_2024);
      if (d != null && (nA < 0 || d.nA() == nA) && stripTimes(now).equals(stripTimes(last))) {
        return now;
      }
      last = now;
      Thread.sleep(3000);
    }
    throw new AssertionError("the divergences did not settle within 120 s: " + last.keySet());
  }

  private static Map<String, String> stripTimes(Map<String, SalaryDivergence> m) {
    Map<String, String> out = new java.util.TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.nA() + " " + v.nB() + " " + v.gap() + " " + v.ciLow() + " " + v.ciHigh() + " "
        + v.pValue() + " " + v.trend()));
    return out;
  }
}
