package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.ingest.file.FileBackfill;
import io.jobstream.ingest.publish.ChangeFilter;
import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.ingest.state.CrawlState;
import io.jobstream.ingest.state.ListLog;
import io.jobstream.model.RawPosting;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backfill of the published data sets in the data directory: the ai-jobs.net salary survey
 * ({@link DataSet#SALARY_SURVEY}) and a LinkedIn postings sample
 * ({@link DataSet#LINKEDIN_POSTINGS_B}). What the backfill reads is compared with an independent
 * parse of the same file ({@link CsvRecords}), so the tests hold for any copy of a set, a newer
 * export with more rows included.
 */
@Tag("data")
class FileBackfillDataTest {

  @TempDir
  Path dir;

  private final DataDirectory data = DataDirectory.fromEnvironment();

  @Test
  void theWholeSurveyIsReadCompressedAsPlainAndARerunPublishesNothing() throws Exception {
    Path survey = data.require(DataSet.SALARY_SURVEY);
    long rows = CsvRecords.read(survey).size() - 1;
    // the set is a plain CSV; its compressed copy must read the same
    Path compressed = Gzip.copy(survey, dir.resolve(survey.getFileName() + ".gz"));

    JsonLdCrawlerTest.CollectingSink sink = new JsonLdCrawlerTest.CollectingSink();
    ListLog log = new ListLog();
    ChangeFilter filter = new ChangeFilter(sink, CrawlState.readFrom(log));
    FileBackfill.Summary summary = backfill(filter).csv(compressed, chars -> { });
    filter.flush();
    assertThat(summary.rows()).isEqualTo(rows);
    assertThat(summary.postings() + summary.rejected()).isEqualTo(rows);
    // repeated rows are separate answers: every row that is a posting is published
    assertThat(filter.published()).isEqualTo(summary.postings());

    JsonLdCrawlerTest.CollectingSink plain = new JsonLdCrawlerTest.CollectingSink();
    backfill(plain).csv(survey, chars -> { });
    assertThat(FileBackfillTest.idsAndFingerprints(plain)).isEqualTo(FileBackfillTest.idsAndFingerprints(sink));

    // a new process with the saved state publishes nothing
    JsonLdCrawlerTest.CollectingSink again = new JsonLdCrawlerTest.CollectingSink();
    ChangeFilter second = new ChangeFilter(again, CrawlState.readFrom(log));
    backfill(second).csv(compressed, chars -> { });
    assertThat(again.postings).isEmpty();
    assertThat(second.unchanged()).isEqualTo(summary.postings());
  }

  @Test
  void everyLinkedInRowKeepsItsIdTitlePayAndListingDate() throws Exception {
    Path file = data.require(DataSet.LINKEDIN_POSTINGS_B);
    List<List<String>> records = CsvRecords.read(file);
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < records.get(0).size(); i++) {
      column.put(records.get(0).get(i), i);
    }
    JsonLdCrawlerTest.CollectingSink sink = new JsonLdCrawlerTest.CollectingSink();
    FileBackfill.Summary summary = backfill(sink).csv(file, chars -> { });
    assertThat(summary.layout()).isEqualTo("LinkedIn postings");
    assertThat(summary.rows()).isEqualTo(records.size() - 1);
    assertThat(summary.postings() + summary.rejected()).isEqualTo(summary.rows());
    assertThat(sink.postings).isNotEmpty();

    Map<String, List<String>> byId = new HashMap<>();
    for (List<String> r : records.subList(1, records.size())) {
      byId.put("linkedin:" + r.get(column.get("job_id")).strip().replaceFirst("\\.0$", ""), r);
    }
    for (RawPosting p : sink.postings) {
      List<String> r = byId.get(p.postingId());
      assertThat(r).as(p.postingId()).isNotNull();
      assertThat(p.title()).isEqualTo(r.get(column.get("title")).strip());
      String min = r.get(column.get("min_salary")).strip();
      if (!min.isEmpty()) {
        assertThat(p.salary().min()).as(p.postingId()).isEqualByComparingTo(min);
        assertThat(p.salary().unit()).isEqualTo(r.get(column.get("pay_period")).strip());
      }
      String listed = r.get(column.get("listed_time")).strip();
      if (!listed.isEmpty()) {
        assertThat(p.datePosted()).isEqualTo(
            Instant.ofEpochMilli(new BigDecimal(listed).longValue()).atZone(ZoneOffset.UTC).toLocalDate());
      }
      // a region is only taken from a location that ends in it, and makes the posting a US one
      if (p.location() != null && p.location().region() != null) {
        assertThat(r.get(column.get("location"))).endsWith(", " + p.location().region());
        assertThat(p.location().country()).isEqualTo("US");
      }
    }
  }

  private static FileBackfill backfill(PostingSink sink) {
    return new FileBackfill(sink, Clock.systemUTC(), MonthDay.of(7, 1));
  }
}
