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
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backfill from files the tests write: a made-up salary survey ({@link SurveyFixture}), a made-up
 * LinkedIn export ({@link LinkedInFixture}) and hand-made edge cases. The published data sets
 * themselves are read by {@link FileBackfillDataTest}.
 */
class FileBackfillTest {

  @TempDir
  Path dir;

  private final JsonLdCrawlerTest.CollectingSink sink = new JsonLdCrawlerTest.CollectingSink();
  private final FileBackfill backfill = new FileBackfill(sink, Clock.systemUTC(), MonthDay.of(7, 1));

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
  void aCompressedSurveyIsReadWholeAndARerunPublishesNothing() throws IOException {
    // more rows than the 1024 between progress reports, and repeated rows
    Path survey = Gzip.copy(SurveyFixture.write(dir.resolve("survey.csv"), 5_000), dir.resolve("survey.csv.gz"));
    ListLog log = new ListLog();
    ChangeFilter filter = new ChangeFilter(sink, CrawlState.readFrom(log));
    List<Long> progress = new ArrayList<>();
    FileBackfill.Summary summary = new FileBackfill(filter, Clock.systemUTC(), MonthDay.of(7, 1))
        .csv(survey, progress::add);
    filter.flush();
    assertThat(summary.rows()).isEqualTo(5_000);
    assertThat(summary.rejected()).isZero();
    assertThat(filter.published()).isEqualTo(5_000);
    assertThat(sink.postings).extracting(RawPosting::postingId).doesNotHaveDuplicates();
    assertThat(progress).hasSizeGreaterThan(1).isSorted();
    // a new process with the saved state publishes nothing
    JsonLdCrawlerTest.CollectingSink again = new JsonLdCrawlerTest.CollectingSink();
    ChangeFilter second = new ChangeFilter(again, CrawlState.readFrom(log));
    new FileBackfill(second, Clock.systemUTC(), MonthDay.of(7, 1)).csv(survey, chars -> { });
    assertThat(again.postings).isEmpty();
    assertThat(second.unchanged()).isEqualTo(5_000);
  }

  @Test
  void aCompressedCopyGivesTheSameIdsAndFingerprintsAsThePlainFile() throws IOException {
    Path plain = SurveyFixture.write(dir.resolve("survey.csv"), 300);
    Path compressed = Gzip.copy(plain, dir.resolve("copy").resolve("survey.csv.gz"));
    backfill.csv(plain, chars -> { });
    JsonLdCrawlerTest.CollectingSink fromGzip = new JsonLdCrawlerTest.CollectingSink();
    new FileBackfill(fromGzip, Clock.systemUTC(), MonthDay.of(7, 1)).csv(compressed, chars -> { });
    assertThat(fromGzip.postings).hasSize(300);
    assertThat(idsAndFingerprints(fromGzip)).isEqualTo(idsAndFingerprints(sink));
  }

  static List<String> idsAndFingerprints(JsonLdCrawlerTest.CollectingSink sink) {
    return sink.postings.stream().map(p -> p.postingId() + " " + p.fingerprint()).toList();
  }

  @Test
  void linkedInRowsKeepIdsPayAndLocation() throws IOException {
    FileBackfill.Summary summary = backfill.csv(LinkedInFixture.write(dir.resolve("postings.csv")), chars -> { });
    assertThat(summary.layout()).isEqualTo("LinkedIn postings");
    assertThat(summary.rows()).isEqualTo(4);
    assertThat(summary.postings()).isEqualTo(3);
    RawPosting ds = sink.postings.get(0);
    assertThat(ds.postingId()).isEqualTo("linkedin:3900000101");
    assertThat(ds.title()).isEqualTo("Senior Staff Data Scientist (Remote)");
    assertThat(ds.company()).isEqualTo("Larkspur Freight");
    // quoted over several lines, with commas, doubled quotes, a CRLF and UTF-8 letters
    assertThat(ds.description()).isEqualTo(LinkedInFixture.FIRST_DESCRIPTION);
    assertThat(ds.salary().min()).isEqualByComparingTo("160000");
    assertThat(ds.salary().max()).isEqualByComparingTo("210000");
    assertThat(ds.salary().currency()).isEqualTo("USD");
    assertThat(ds.salary().unit()).isEqualTo("YEARLY");
    assertThat(ds.location().city()).isEqualTo("Austin");
    assertThat(ds.location().region()).isEqualTo("TX");
    assertThat(ds.location().country()).isEqualTo("US");
    assertThat(ds.remote()).isTrue();
    assertThat(ds.datePosted()).isEqualTo(LocalDate.of(2024, 4, 5));
    assertThat(ds.url()).isEqualTo("https://postings.example/view/3900000101");

    RawPosting hourly = sink.postings.get(1);
    assertThat(hourly.postingId()).isEqualTo("linkedin:3900000102"); // not 3900000102.0
    assertThat(hourly.salary().unit()).isEqualTo("HOURLY");
    assertThat(hourly.location().city()).isNull();
    assertThat(hourly.location().country()).isEqualTo("US");
    assertThat(hourly.remote()).isNull();
    assertThat(hourly.datePosted()).isEqualTo(LocalDate.of(2024, 4, 1));

    RawPosting unpaid = sink.postings.get(2);
    assertThat(unpaid.salary()).isNull();
    assertThat(unpaid.remote()).isFalse();
    assertThat(unpaid.location().country()).isNull();
    assertThat(unpaid.location().text()).isEqualTo("Toronto, Ontario, Canada");
    assertThat(unpaid.datePosted()).isNull();

    DeadLetter bad = sink.deadLetters.get(0);
    assertThat(bad.reason()).isEqualTo("bad_row");
    assertThat(bad.detail()).contains("min_salary");
    assertThat(bad.origin()).endsWith("postings.csv row 4");
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
