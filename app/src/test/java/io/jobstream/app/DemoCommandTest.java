package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jobstream demo} as a new user runs it: embedded broker, board, ingest, stream, table. */
@Tag("integration")
class DemoCommandTest {

  private static final String GENERATED = "generated market (not real data)";

  @Test
  void withoutTheSurveyTheDemoRunsOnTheGeneratedMarketAndSaysSoEverywhere(@TempDir Path emptyDataDir)
      throws Exception {
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread demo = new Thread(() -> {
      CommandLine cmd = JobstreamCli.commandLine();
      cmd.setOut(new PrintWriter(out, true));
      // ends by itself once the pass is ingested and the tables settle; the bound is for a stuck run
      exit.set(cmd.execute("demo", "--until-replayed", "--duration", "300s", "--metrics-port", "0",
          "--query-port", "0", "--data-dir", emptyDataDir.toString(), "--no-fetch"));
    }, "demo");
    demo.start();
    String page = livePage(out);
    demo.join(Duration.ofSeconds(360).toMillis());
    String text = out.toString();
    assertThat(exit.get()).as(text).isZero();

    assertThat(text.lines().findFirst().orElseThrow()).contains(GENERATED);
    assertThat(text).contains("data set ai-jobs-salaries (ai-jobs-salaries-2020-2024.csv) is not in the data directory "
        + emptyDataDir);
    assertThat(text).contains("job board serving 400 generated postings");
    Matcher first = Pattern.compile("first statistics after ([0-9.]+) s").matcher(text);
    assertThat(first.find()).as(text).isTrue();
    assertThat(Double.parseDouble(first.group(1))).isLessThan(30.0);
    // four listing pages and 400 posting pages (the listing links to /about, a 404: a dead letter),
    // and the 15,000 generated survey rows
    assertThat(text).contains("ingest: 404 pages fetched, 15400 postings published, 1 rejected");
    assertThat(text).containsPattern("replay ingested and statistics settled after [0-9.]+ s");
    String lastTable = text.substring(text.lastIndexOf("Salary statistics, window year: 2024-01-01"));
    assertThat(lastTable.lines().findFirst().orElseThrow()).endsWith(" - " + GENERATED);
    assertThat(lastTable).containsPattern("ml_engineer\\s+\\d+\\s+\\d+\\s+[0-9,]+");
    assertThat(lastTable).containsPattern("data_scientist\\s+\\d+\\s+\\d+\\s+[0-9,]+");
    assertThat(lastTable).contains("Pay gap ml_engineer - data_scientist, median annual pay (year windows,"
        + " jobs.salary.divergence) - " + GENERATED);
    // the generated market has machine-learning engineers paid more than data scientists
    assertThat(lastTable).containsPattern("2024-01-01\\s+\\d+\\s+\\d+\\s+[0-9,]+\\s+[0-9,]+\\s+\\+[0-9,]+");

    assertThat(page).contains("id=\"data-source\"").contains("Generated market: these figures are not real data")
        .contains("<title>jobstream (generated, not real data): ");
  }

  @Test
  @Tag("data")
  void withTheSurveyTheDemoShowsItsStatisticsAndTheMlEngineerDataScientistGap() throws Exception {
    DataDirectory data = DataDirectory.fromEnvironment();
    long rows;
    try (var lines = java.nio.file.Files.lines(data.require(DataSet.SALARY_SURVEY))) {
      rows = lines.skip(1).filter(l -> !l.isBlank()).count();
    }
    CommandLine cmd = JobstreamCli.commandLine();
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    // ends by itself once the survey is ingested and the tables settle, however loaded the machine;
    // the bound is for a stuck run
    int code = cmd.execute("demo", "--until-replayed", "--duration", "600s", "--metrics-port", "0",
        "--query-port", "0", "--data-dir", data.root().toString());
    String text = out.toString();
    assertThat(code).as(text).isZero();
    assertThat(text).doesNotContain(GENERATED).contains("jobstream demo on the ai-jobs.net salary survey");
    Matcher first = Pattern.compile("first statistics after ([0-9.]+) s").matcher(text);
    assertThat(first.find()).as(text).isTrue();
    assertThat(Double.parseDouble(first.group(1))).isLessThan(30.0);
    // the survey alone: the generated job board's postings never mix into its figures
    assertThat(text).containsPattern("replay ingested and statistics settled after [0-9.]+ s");
    assertThat(text).contains("ingest: 0 pages fetched, " + rows + " postings published, 0 rejected")
        .doesNotContain("job board serving");
    assertThat(text).containsPattern("live page: http://127\\.0\\.0\\.1:\\d+/");
    Matcher gap = Pattern.compile("first ml_engineer / data_scientist gap after ([0-9.]+) s").matcher(text);
    assertThat(gap.find()).as(text).isTrue();
    assertThat(Double.parseDouble(gap.group(1))).isLessThan(60.0);
    // the last tables: a row per family of the latest year, and the gap per year with interval and p
    String lastTable = text.substring(text.lastIndexOf("Salary statistics, window year: 2024-01-01"));
    assertThat(lastTable).containsPattern("software_engineer\\s+\\d+\\s+\\d+\\s+[0-9,]+");
    assertThat(lastTable).containsPattern("data_scientist\\s+\\d+");
    assertThat(lastTable).containsPattern(
        "2024-01-01\\s+\\d+\\s+\\d+\\s+[0-9,]+\\s+[0-9,]+\\s+[+-][0-9,]+\\s+[+-][0-9,]+ \\.\\. [+-][0-9,]+\\s+[0-9.e-]+ (yes|no)");
  }

  /** The live page, fetched once the demo prints its address. */
  private static String livePage(StringWriter out) throws Exception {
    Pattern live = Pattern.compile("live page: (http://\\S+)");
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = live.matcher(out.toString());
      if (m.find()) {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(m.group(1))).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
        return page.body();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the demo did not print its live page:\n" + out);
  }
}
