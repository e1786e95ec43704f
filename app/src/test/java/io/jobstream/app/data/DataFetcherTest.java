package io.jobstream.app.data;

import static io.jobstream.app.data.LoopbackServer.ok;
import static io.jobstream.app.data.LoopbackServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFetcherTest {

  /** The survey's header and three answers, one with a job title over two lines. */
  static final String SURVEY = """
      work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size
      2024,SE,FT,Machine Learning Engineer,180000,USD,180000,US,0,US,M
      2023,MI,FT,"Data Scientist,
      Search",90000,EUR,97000,DE,100,DE,L
      2022,EN,PT,Data Analyst,40000,GBP,49000,GB,50,GB,S
      """;

  private static final DataSet SURVEY_SET = DataSet.SALARY_SURVEY;

  @TempDir
  Path root;

  private final StringWriter progress = new StringWriter();

  private DataFetcher fetcher(LoopbackServer server) {
    return new DataFetcher().from(server.base())
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
        .withRetries(2, Duration.ofMillis(10), Duration.ofSeconds(2))
        .withProgress(new PrintWriter(progress, true));
  }

  private DataDirectory dir() {
    return DataDirectory.at(root.resolve("data"));
  }

  /** Every file under the data directory, hidden ones too: a failed fetch leaves none behind. */
  private List<String> files() throws Exception {
    Path data = root.resolve("data");
    if (!Files.exists(data)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(data)) {
      return all.filter(Files::isRegularFile).map(p -> data.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void aWholeAnswerIsSavedUnderTheSetsNameWithProgress() throws Exception {
    try (LoopbackServer server = new LoopbackServer(ok(SURVEY))) {
      Path saved = fetcher(server).fetch(SURVEY_SET, dir());

      assertThat(saved).isEqualTo(root.resolve("data").resolve(SURVEY_SET.fileName()));
      assertThat(Files.readString(saved)).isEqualTo(SURVEY);
      assertThat(files()).containsExactly(SURVEY_SET.fileName());
      assertThat(server.paths()).containsExactly("/" + SURVEY_SET.fileName());
      int length = SURVEY.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      assertThat(progress.toString())
          .contains("ai-jobs-salaries: fetching " + server.base() + SURVEY_SET.fileName())
          .contains(String.format("ai-jobs-salaries: %d of %d bytes", length, length));
      assertThat(RowCount.of(SURVEY_SET, dir())).contains(new RowCount(3, "rows"));
    }
  }

  @Test
  void anAnswerWithoutLengthIsSavedWhenItEnds() throws Exception {
    LoopbackServer.Answer chunked = (exchange, server) -> {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write(SURVEY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    };
    try (LoopbackServer server = new LoopbackServer(chunked)) {
      fetcher(server).fetch(SURVEY_SET, dir());
      assertThat(Files.readString(dir().path(SURVEY_SET))).isEqualTo(SURVEY);
    }
  }

  @Test
  void aBodyCutShortLeavesNoFile() throws Exception {
    try (LoopbackServer server = new LoopbackServer(LoopbackServer.truncated(SURVEY, 1000))) {
      assertThatThrownBy(() -> fetcher(server).fetch(SURVEY_SET, dir()))
          .isInstanceOf(FetchException.class)
          .hasMessageStartingWith("ai-jobs-salaries not fetched: ")
          .hasMessageContaining("broke after")
          .hasMessageContaining("(2 attempts)");
      assertThat(files()).isEmpty();
      assertThat(server.requests()).isEqualTo(2);
    }
  }

  @Test
  void notFoundFailsAtOnceNamingTheSet() throws Exception {
    try (LoopbackServer server = new LoopbackServer(status(404))) {
      assertThatThrownBy(() -> fetcher(server).fetch(SURVEY_SET, dir()))
          .isInstanceOf(FetchException.class)
          .hasMessage("ai-jobs-salaries not fetched: HTTP 404 from " + server.base() + SURVEY_SET.fileName())
          .extracting(e -> ((FetchException) e).set()).isEqualTo(SURVEY_SET);
      assertThat(server.requests()).isEqualTo(1);
      assertThat(files()).isEmpty();
    }
  }

  @Test
  void anHtmlPageInsteadOfTheCsvIsWrongContent() throws Exception {
    try (LoopbackServer server = new LoopbackServer(ok("<!DOCTYPE html>\n<html><body>Sign in</body></html>"))) {
      assertThatThrownBy(() -> fetcher(server).fetch(SURVEY_SET, dir()))
          .hasMessage("ai-jobs-salaries not fetched: wrong content: the download is an HTML or XML page, not CSV");
      assertThat(files()).isEmpty();
    }
  }

  @Test
  void aJsonErrorOrAnotherCsvIsWrongContent() throws Exception {
    try (LoopbackServer server = new LoopbackServer(ok("{\"error\": \"quota exceeded\"}"))) {
      assertThatThrownBy(() -> fetcher(server).fetch(SURVEY_SET, dir()))
          .hasMessageContaining("wrong content: the download is a JSON document, not CSV");
    }
    try (LoopbackServer server = new LoopbackServer(ok("id,title,salary\n1,Data Scientist,100000\n"))) {
      assertThatThrownBy(() -> fetcher(server).fetch(SURVEY_SET, dir()))
          .hasMessageContaining("wrong content: the download is a CSV file whose header starts id,title,salary,"
              + " not work_year,experience_level");
    }
    assertThat(files()).isEmpty();
  }

  @Test
  void aServerThatStallsMidBodyTimesOutWithinTheTimeout() throws Exception {
    try (LoopbackServer server = new LoopbackServer(LoopbackServer.stallsMidBody(SURVEY))) {
      DataFetcher fetcher = fetcher(server).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
      long start = System.nanoTime();
      assertThatThrownBy(() -> fetcher.fetch(SURVEY_SET, dir()))
          .isInstanceOf(FetchException.class)
          .hasMessageStartingWith("ai-jobs-salaries not fetched: no whole answer within 500 ms from " + server.base());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      // a timeout is not tried again: each attempt would wait as long
      assertThat(server.requests()).isEqualTo(1);
      assertThat(files()).isEmpty();
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutToo() throws Exception {
    try (LoopbackServer server = new LoopbackServer(LoopbackServer.stallsBeforeHeaders())) {
      DataFetcher fetcher = fetcher(server).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
      long start = System.nanoTime();
      assertThatThrownBy(() -> fetcher.fetch(SURVEY_SET, dir()))
          .hasMessageContaining("within 500 ms from " + server.base());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(files()).isEmpty();
    }
  }

  @Test
  void aServiceUnavailableAnswerIsTriedAgain() throws Exception {
    try (LoopbackServer server = new LoopbackServer(status(503), ok(SURVEY))) {
      fetcher(server).fetch(SURVEY_SET, dir());
      assertThat(Files.readString(dir().path(SURVEY_SET))).isEqualTo(SURVEY);
      assertThat(server.requests()).isEqualTo(2);
      assertThat(progress.toString()).contains("ai-jobs-salaries: HTTP 503 from " + server.base()
          + SURVEY_SET.fileName() + "; trying again in 10 ms (attempt 2 of 2)");
    }
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSays() throws Exception {
    try (LoopbackServer server = new LoopbackServer(status(429, "Retry-After", "1"), ok(SURVEY))) {
      long start = System.nanoTime();
      fetcher(server).fetch(SURVEY_SET, dir());
      // the backoff alone is 10 ms
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
      assertThat(progress.toString()).contains("trying again in 1 s");
      assertThat(files()).containsExactly(SURVEY_SET.fileName());
    }
  }

  @Test
  void aRetryAfterLongerThanTheCapFailsAtOnce() throws Exception {
    try (LoopbackServer server = new LoopbackServer(status(429, "Retry-After", "3600"), ok(SURVEY))) {
      assertThatThrownBy(() -> fetcher(server).fetch(SURVEY_SET, dir()))
          .hasMessageContaining("HTTP 429 from " + server.base())
          .hasMessageContaining("asks to wait 3600 s, longer than the 2 s a fetch waits");
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void aRefusedConnectionIsTriedAgainThenNamed() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    DataFetcher fetcher = new DataFetcher().from(URI.create("http://127.0.0.1:" + port + "/"))
        .withRetries(2, Duration.ofMillis(10), Duration.ofSeconds(1))
        .withProgress(new PrintWriter(progress, true));
    assertThatThrownBy(() -> fetcher.fetch(SURVEY_SET, dir()))
        .hasMessageStartingWith("ai-jobs-salaries not fetched: cannot connect to 127.0.0.1:" + port)
        .hasMessageEndingWith("(2 attempts)");
    assertThat(progress.toString()).contains("(attempt 2 of 2)");
  }

  @Test
  void aFailedFetchLeavesTheCopyFetchedBefore() throws Exception {
    String good = SURVEY.replace("Data Analyst", "Data Engineer");
    Path saved = dir().path(SURVEY_SET);
    Files.createDirectories(saved.getParent());
    Files.writeString(saved, good);
    for (LoopbackServer.Answer failure : List.of(status(404), status(500), ok("<html>maintenance</html>"),
        LoopbackServer.truncated(SURVEY, 10), LoopbackServer.stallsMidBody(SURVEY))) {
      try (LoopbackServer server = new LoopbackServer(failure)) {
        DataFetcher fetcher = fetcher(server).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
        assertThatThrownBy(() -> fetcher.fetch(SURVEY_SET, dir())).isInstanceOf(FetchException.class);
      }
      assertThat(Files.readString(saved)).isEqualTo(good);
      assertThat(files()).containsExactly(SURVEY_SET.fileName());
    }
  }

  @Test
  void aSetWithoutDirectDownloadIsRefusedWithItsSteps() {
    DataFetcher fetcher = new DataFetcher();
    assertThat(DataFetcher.canFetch(DataSet.LINKEDIN_POSTINGS_A)).isFalse();
    assertThatThrownBy(() -> fetcher.fetch(DataSet.LINKEDIN_POSTINGS_A, dir()))
        .hasMessageStartingWith("linkedin-postings-a not fetched: no direct download; needs a Kaggle account");
    assertThat(root.resolve("data")).doesNotExist();
  }

  @Test
  void theMirrorServesFilesUnderTheirDataDirectoryNames() {
    DataFetcher mirrored = new DataFetcher().from(URI.create("http://127.0.0.1:8000/mirror"));
    assertThat(mirrored.source(SURVEY_SET))
        .isEqualTo(URI.create("http://127.0.0.1:8000/mirror/ai-jobs-salaries-2020-2024.csv"));
    assertThat(new DataFetcher().source(SURVEY_SET)).isEqualTo(URI.create(SURVEY_SET.downloadUrl().orElseThrow()));
    assertThatThrownBy(() -> new DataFetcher().from(URI.create("file:///tmp/mirror")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
