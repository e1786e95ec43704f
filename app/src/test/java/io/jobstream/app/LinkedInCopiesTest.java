package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.ClassifyOutcome;
import io.jobstream.aggregate.PostingClassifier;
import io.jobstream.aggregate.dedup.CopyCandidate;
import io.jobstream.aggregate.dedup.CopyRule;
import io.jobstream.ingest.file.FileBackfill;
import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The copy rule on real pairs: every pair of postings of the LinkedIn samples (data directory)
 * with the same company and title, labelled by the project by reading both ads
 * ({@code dedup/linkedin-copy-pairs.tsv}, keyed by the samples' ids), read and classified as the
 * pipeline does, then compared by {@link CopyRule#DEFAULT}. Most are one remote job listed under
 * several cities, which a reader counts once.
 */
@Tag("data")
class LinkedInCopiesTest {

  @Test
  void theSamplesPairsAreCopiesOrNotAsAReaderSays() throws Exception {
    Map<String, ClassifiedPosting> classified = new HashMap<>();
    PostingClassifier classifier = new PostingClassifier();
    JsonSerde<RawPosting> serde = JsonSerde.of(RawPosting.class);
    PostingSink sink = new PostingSink() {
      @Override
      public void publish(RawPosting posting) {
        ClassifyOutcome outcome = classifier.classify(posting.postingId(), serde.write(posting), "test");
        if (outcome.isClassified()) {
          classified.put(posting.postingId(), outcome.classified());
        }
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
    for (DataSet set : List.of(DataSet.LINKEDIN_POSTINGS_A, DataSet.LINKEDIN_POSTINGS_B)) {
      backfill.csv(data.require(set), chars -> { });
    }
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    List<String> misses = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/dedup/linkedin-copy-pairs.tsv"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        ClassifiedPosting a = classified.get("linkedin:" + f[0]);
        ClassifiedPosting b = classified.get("linkedin:" + f[1]);
        assertThat(a).as(f[0]).isNotNull();
        assertThat(b).as(f[1]).isNotNull();
        boolean copy = f[2].equals("copy");
        CopyRule.Match match = CopyRule.DEFAULT.match(CopyCandidate.of(a), CopyCandidate.of(b));
        if (copy && match != null) {
          tp++;
        } else if (copy) {
          fn++;
          misses.add(f[0] + "/" + f[1] + " (" + a.copyTraits().place() + ", " + b.copyTraits().place() + ")");
        } else if (match != null) {
          fp++;
          misses.add(f[0] + "/" + f[1] + " merged: " + match.reason());
        } else {
          tn++;
        }
      }
    }
    double recall = (double) tp / Math.max(1, tp + fn);
    String report = String.format("copy rule on the LinkedIn samples' pairs: copies %d, distinct %d; recall %.3f,"
        + " distinct jobs merged %d; misses %s", tp + fn, fp + tn, recall, fp, misses);
    System.out.println(report);
    assertThat(tp + fn).isEqualTo(13);
    assertThat(recall).as(report).isGreaterThanOrEqualTo(0.9);
    assertThat(fp).as(report).isZero();
  }
}
