package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.ClassifyOutcome;
import io.jobstream.aggregate.PostingClassifier;
import io.jobstream.ingest.file.FileBackfill;
import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.time.Clock;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The plausible-pay-per-period check on the LinkedIn samples in the data directory, read and
 * classified as the pipeline does. The labels are the project's, keyed by the set's posting ids:
 * one row gives yearly figures as BIWEEKLY (re-read as yearly) and six give amounts no single
 * period explains (rejected with the reason).
 */
@Tag("data")
class LinkedInPayPeriodTest {

  @Test
  void implausibleRowsAreReReadOrRejectedAndTheRestReadAsGiven() throws Exception {
    Map<String, ClassifiedPosting> classified = new HashMap<>();
    PostingClassifier classifier = new PostingClassifier();
    JsonSerde<RawPosting> serde = JsonSerde.of(RawPosting.class);
    PostingSink sink = new PostingSink() {
      @Override
      public void publish(RawPosting posting) {
        ClassifyOutcome outcome = classifier.classify(posting.postingId(), serde.write(posting), "test");
        assertThat(outcome.isClassified()).as(posting.postingId()).isTrue();
        classified.put(posting.postingId(), outcome.classified());
      }

      @Override
      public void reject(DeadLetter deadLetter) {}

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    FileBackfill backfill = new FileBackfill(sink, Clock.systemUTC(), MonthDay.of(7, 1));
    DataDirectory data = DataDirectory.fromEnvironment();
    long rows = 0;
    for (DataSet set : List.of(DataSet.LINKEDIN_POSTINGS_A, DataSet.LINKEDIN_POSTINGS_B)) {
      FileBackfill.Summary summary = backfill.csv(data.require(set), chars -> { });
      rows += summary.postings();
    }
    assertThat(classified).as("every posting read is classified").hasSize((int) rows);

    ClassifiedPosting programmer = classified.get("linkedin:3904388204");
    assertThat(programmer.title()).isEqualTo("R&D Scientific Programmer");
    assertThat(programmer.pay().period()).isEqualTo("year");
    assertThat(programmer.pay().periodGiven()).isEqualTo("biweek");
    assertThat(programmer.pay().annualMin()).isEqualTo(71_323);
    assertThat(programmer.pay().annualMax()).isEqualTo(89_965);

    ClassifiedPosting principal = classified.get("linkedin:3728459637");
    assertThat(principal.title()).isEqualTo("Principal Backend Engineer");
    assertThat(principal.pay()).isNull();
    assertThat(principal.payRejected()).contains("implausible pay per year", "USD 200..225 as given");

    List<String> reRead = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    classified.forEach((id, p) -> {
      if (p.pay() != null && p.pay().periodGiven() != null) {
        reRead.add(id);
      }
      if (p.payRejected() != null && p.payRejected().startsWith("implausible pay per")) {
        rejected.add(id);
      }
    });
    assertThat(reRead).containsExactly("linkedin:3904388204");
    assertThat(rejected).containsExactlyInAnyOrder("linkedin:3322949022", "linkedin:3610032286",
        "linkedin:3728459637", "linkedin:3767035869", "linkedin:3774870894", "linkedin:3803055615");
  }
}
