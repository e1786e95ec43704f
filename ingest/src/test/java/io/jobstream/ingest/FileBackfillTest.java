package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobstream.ingest.file.CsvReader;
import io.jobstream.ingest.file.FileBackfill;
import io.jobstream.ingest.publish.ChangeFilter;
import io.jobstream.ingest.state.CrawlState;
import io.jobstream.ingest.state.ListLog;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backfill from real files: the salary survey and LinkedIn samples in data/, and hand-made edge cases. */
class FileBackfillTest {

  /** The repository's data directory (tests run in the module directory). */
  private static final Path DATA = Path.of("..", "data");

  @TempDir
  Path dir;

  private final JsonLdCrawlerTest.CollectingSink sink = new JsonLdCrawlerTest.CollectingSink();
  private final FileBackfill backfill = new FileBackfill(sink, Clock.systemUTC(), MonthDay.of(7, 1));

  private static Path data(String name) {
    return DATA.resolve(name);
  }

  @Test
  void csvReaderHandlesQuotesCommasAndLineBreaks() throws IOException {
    CsvReader reader = new CsvReader(new StringReader(
        "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\nlast"));
    assertThat(reader.next()).containsExactly("a", "b", "c");
    assertThat(reader.next()).containsExactly("x, y", "say \"hi\"", "two\nlines");
    assertThat(reader.next()).containsExactly("", "", "");
    assertThat(reader.next()).containsExactly("last");
    assertThat(reader.next()).isNull();
  }

  @Test
  void salarySurveyRowsAreSeparatePostingsDatedJulyFirst() throws IOException {
    Path file = dir.resolve("survey.csv");
    Files.writeString(file, """
        work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size
        2024,SE,FT,Machine Learning Engineer,250200,USD,250200,US,100,US,M
        2024,SE,FT,Machine Learning Engineer,250200,USD,250200,US,100,US,M
        2023,MI,PT,Data Scientist,50000,GBP,61000,GB,0,GB,S
        2022,MI,FT,Data Analyst,abc,USD,lots,US,0,US,M
        """);
    FileBackfill.Summary summary = backfill.csv(file, chars -> { });
    assertThat(summary.rows()).isEqualTo(4);
    assertThat(summary.postings()).isEqualTo(3);
    assertThat(summary.rejected()).isEqualTo(1);
    RawPosting first = sink.postings.get(0);
    assertThat(first.postingId()).isEqualTo("csv:survey.csv:1");
    assertThat(sink.postings.get(1).postingId()).isEqualTo("csv:survey.csv:2");
    assertThat(first.datePosted()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(first.remote()).isTrue();
    assertThat(first.employmentType()).isEqualTo("FULL_TIME");
    assertThat(first.location().country()).isEqualTo("US");
    assertThat(first.salary().value()).isEqualByComparingTo("250200");
    assertThat(first.salary().currency()).isEqualTo("USD");
    assertThat(sink.postings.get(2).salary().value()).isEqualByComparingTo("61000"); // salary_in_usd
    DeadLetter bad = sink.deadLetters.get(0);
    assertThat(bad.reason()).isEqualTo("bad_row");
    assertThat(bad.detail()).contains("salary_in_usd");
    assertThat(bad.origin()).endsWith("survey.csv row 4");
    assertThat(bad.excerpt()).contains("Data Analyst");
  }

  @Test
  void theWholeSurveyIsReadAndARerunPublishesNothing() throws IOException {
    Path survey = data("ai-jobs-salaries-2020-2024.csv.gz");
    ListLog log = new ListLog();
    CrawlState state = CrawlState.readFrom(log);
    ChangeFilter filter = new ChangeFilter(sink, state);
    FileBackfill first = new FileBackfill(filter, Clock.systemUTC(), MonthDay.of(7, 1));
    FileBackfill.Summary summary = first.csv(survey, chars -> { });
    filter.flush();
    assertThat(summary.rows()).isEqualTo(59_325);
    assertThat(filter.published()).isEqualTo(59_325);
    // a new process with the saved state publishes nothing
    JsonLdCrawlerTest.CollectingSink again = new JsonLdCrawlerTest.CollectingSink();
    ChangeFilter second = new ChangeFilter(again, CrawlState.readFrom(log));
    new FileBackfill(second, Clock.systemUTC(), MonthDay.of(7, 1)).csv(survey, chars -> { });
    assertThat(again.postings).isEmpty();
    assertThat(second.unchanged()).isEqualTo(59_325);
  }

  @Test
  void linkedInRowsKeepIdsPayAndLocation() throws IOException {
    FileBackfill.Summary summary = backfill.csv(data("linkedin-postings-2024-b.csv.gz"), chars -> { });
    assertThat(summary.layout()).isEqualTo("LinkedIn postings");
    assertThat(summary.postings()).isEqualTo(165);
    RawPosting ds = sink.postings.stream().filter(p -> p.postingId().equals("linkedin:3887716629"))
        .findFirst().orElseThrow();
    assertThat(ds.title()).isEqualTo("Senior Staff Data Scientist (Remote)");
    assertThat(ds.salary().min()).isEqualByComparingTo("160000");
    assertThat(ds.salary().unit()).isEqualTo("YEARLY");
    assertThat(ds.location().country()).isEqualTo("US");
    assertThat(ds.location().region()).isEqualTo("TX");
    assertThat(ds.datePosted()).isEqualTo(LocalDate.of(2024, 4, 5));
  }

  @Test
  void unknownLayoutsAreRefusedWithTheExpectedColumns() throws IOException {
    Path file = dir.resolve("other.csv");
    Files.writeString(file, "name,age\nx,1\n");
    assertThatThrownBy(() -> backfill.csv(file, chars -> { })).hasMessageContaining("unknown CSV layout");
  }

  @Test
  void jsonLinesAreReadAndBadLinesBecomeDeadLetters() throws IOException {
    Path file = dir.resolve("postings.jsonl.gz");
    String lines = """
        {"schemaVersion":1,"postingId":"p1","title":"Data Engineer","datePosted":"2024-05-01"}
        not json
        {"schemaVersion":1,"title":"no id"}

        {"schemaVersion":1,"postingId":"p2","title":"Quant Researcher"}
        """;
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(lines.getBytes(StandardCharsets.UTF_8));
    }
    FileBackfill.Summary summary = backfill.jsonLines(file, chars -> { });
    assertThat(summary.postings()).isEqualTo(2);
    assertThat(summary.rejected()).isEqualTo(2);
    assertThat(sink.postings).extracting(RawPosting::postingId).containsExactly("p1", "p2");
    assertThat(sink.postings.get(0).fingerprint()).isNotNull();
    assertThat(sink.postings.get(1).fetchedAt()).isNotNull();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsOnly("bad_line");
    assertThat(sink.deadLetters.get(1).detail()).contains("no postingId");
  }
}
