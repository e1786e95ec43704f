package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.app.data.LoopbackServer;
import io.jobstream.model.data.DataSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jobstream data list} and {@code jobstream data fetch}, against temporary directories and a loopback server. */
class DataCommandTest {

  private static final String SURVEY = """
      work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size
      2024,SE,FT,Machine Learning Engineer,180000,USD,180000,US,0,US,M
      2023,MI,FT,"Data Scientist,
      Search",90000,EUR,97000,DE,100,DE,L
      """;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cmd = JobstreamCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @TempDir
  Path dir;

  private String line(String text, String id) {
    return text.lines().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow();
  }

  @Test
  void listOnAnEmptyDirectoryShowsEverySetAbsentAndHowToGetIt() {
    Run run = run("data", "list", "--data-dir", dir.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("data directory: " + dir + " (--data-dir)\n");
    for (DataSet set : DataSet.values()) {
      assertThat(line(run.out(), set.id())).contains(set.fileName()).containsPattern(" no +- ");
    }
    assertThat(line(run.out(), "ai-jobs-salaries")).endsWith("fetch");
    assertThat(line(run.out(), "linkedin-postings-a")).endsWith("by hand");
    assertThat(run.out())
        .contains("  get: jobstream data fetch ai-jobs-salaries (" + DataSet.SALARY_SURVEY.downloadUrl().orElseThrow() + ")")
        .contains("  get: " + DataSet.LINKEDIN_POSTINGS_A.steps().orElseThrow())
        .contains("attribution: " + DataSet.LINKEDIN_POSTINGS_A.attribution())
        .contains("source: " + DataSet.LINKEDIN_POSTINGS_A.sourceUrl());
  }

  @Test
  void listCountsTheRowsOfAPresentSet() throws Exception {
    Files.writeString(dir.resolve(DataSet.SALARY_SURVEY.fileName()), SURVEY);
    Run run = run("data", "list", "--data-dir", dir.toString());
    assertThat(run.code()).isZero();
    // two answers, one of them over two lines
    assertThat(line(run.out(), "ai-jobs-salaries")).containsPattern(" yes +2 +CC0 1.0 \\(public domain\\) +fetch$");
    assertThat(line(run.out(), "usajobs-postings")).containsPattern(" no +- ");
  }

  @Test
  void listAsJson() throws Exception {
    Files.writeString(dir.resolve(DataSet.SALARY_SURVEY.fileName()), SURVEY);
    Run run = run("data", "list", "--json", "--data-dir", dir.toString());
    assertThat(run.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("dataDirectory").asText()).isEqualTo(dir.toString());
    assertThat(root.get("from").asText()).isEqualTo("--data-dir");
    assertThat(root.get("sets")).hasSize(DataSet.values().length);
    JsonNode survey = root.get("sets").get(0);
    assertThat(survey.get("id").asText()).isEqualTo("ai-jobs-salaries");
    assertThat(survey.get("present").asBoolean()).isTrue();
    assertThat(survey.get("count").asLong()).isEqualTo(2);
    assertThat(survey.get("unit").asText()).isEqualTo("rows");
    assertThat(survey.get("fetchable").asBoolean()).isTrue();
    assertThat(survey.get("licence").asText()).isEqualTo(DataSet.SALARY_SURVEY.licence());
    JsonNode linkedin = root.get("sets").get(1);
    assertThat(linkedin.get("present").asBoolean()).isFalse();
    assertThat(linkedin.get("count").isNull()).isTrue();
    assertThat(linkedin.get("steps").asText()).isEqualTo(DataSet.LINKEDIN_POSTINGS_A.steps().orElseThrow());
  }

  @Test
  void fetchFromAMirrorSavesTheSetIntoANewDataDirectory() throws Exception {
    Path data = dir.resolve("new").resolve("data");
    try (LoopbackServer server = new LoopbackServer(LoopbackServer.ok(SURVEY))) {
      Run run = run("data", "fetch", "--data-dir", data.toString(), "--from", server.base().toString());
      assertThat(run.code()).as(run.err()).isZero();
      Path saved = data.resolve(DataSet.SALARY_SURVEY.fileName());
      assertThat(Files.readString(saved)).isEqualTo(SURVEY);
      assertThat(run.out()).isEqualTo("ai-jobs-salaries: " + saved + " (2 rows)\n");
      assertThat(run.err()).contains("data directory: " + data + " (--data-dir)")
          .containsPattern("ai-jobs-salaries: (\\d+) of \\1 bytes");
    }
  }

  @Test
  void aFailedFetchIsExitOneWithOneLineNamingTheSet() throws Exception {
    try (LoopbackServer server = new LoopbackServer(LoopbackServer.status(404))) {
      Run run = run("data", "fetch", "--data-dir", dir.toString(), "--from", server.base().toString(), "ai-jobs-salaries");
      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).contains("jobstream: ai-jobs-salaries not fetched: HTTP 404 from " + server.base()
          + DataSet.SALARY_SURVEY.fileName() + "\n");
      assertThat(run.out()).isEmpty();
      assertThat(dir).isEmptyDirectory();
    }
  }

  @Test
  void anUnknownSetIsAUsageErrorNamingItAndTheKnownOnes() throws Exception {
    try (LoopbackServer server = new LoopbackServer(LoopbackServer.ok(SURVEY))) {
      Run run = run("data", "fetch", "--data-dir", dir.toString(), "--from", server.base().toString(),
          "ai-jobs-salaries", "salaries-2025");
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err().lines().findFirst().orElseThrow())
          .isEqualTo("jobstream: unknown data set 'salaries-2025'; known: " + DataSet.ids());
      // refused before anything was fetched
      assertThat(server.requests()).isZero();
    }
  }

  @Test
  void aNamedSetWithoutDirectDownloadPrintsItsStepsAndIsNotFetched() throws Exception {
    try (LoopbackServer server = new LoopbackServer(LoopbackServer.ok(SURVEY))) {
      Run run = run("data", "fetch", "--data-dir", dir.toString(), "--from", server.base().toString(),
          "linkedin-postings-a");
      assertThat(run.code()).isZero();
      assertThat(run.err()).contains("linkedin-postings-a: not fetched, no direct download; "
          + DataSet.LINKEDIN_POSTINGS_A.steps().orElseThrow());
      assertThat(run.out()).isEmpty();
      assertThat(server.requests()).isZero();
    }
  }

  @Test
  void dataWithoutACommandAndAMirrorThatIsNoUrlAreUsageErrors() {
    assertThat(run("data").code()).isEqualTo(2);
    Run run = run("data", "fetch", "--data-dir", dir.toString(), "--from", "ftp://mirror.example/");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--from ftp://mirror.example/");
  }
}
