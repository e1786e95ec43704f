package io.jobstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.dedup.CopyFeatures;
import io.jobstream.aggregate.dedup.CopyRule;
import io.jobstream.aggregate.dedup.MinHash;
import io.jobstream.model.CopyTraits;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/** The benchmark's new postings are distinct ads under the copy rule; its cross-posted copies are copies. */
class PostingMixTest {

  @Test
  void newPostingsOfOneCompanyAndTitleAreDifferentAdsAndOnlyTheCopiesAreCopies() {
    PostingMix mix = new PostingMix(7, 6_000, LocalDate.of(2024, 1, 1), 30);
    Deserializer<RawPosting> reader = JsonSerde.of(RawPosting.class).deserializer();
    Map<String, RawPosting> latest = new LinkedHashMap<>();
    for (int i = 0; i < 6_000; i++) {
      PostingMix.Entry e = mix.next();
      if (!e.key().startsWith("bench:poison:")) {
        latest.put(e.key(), reader.deserialize("jobs.postings.raw", e.value()));
      }
    }
    Map<String, List<RawPosting>> byKey = new LinkedHashMap<>();
    for (RawPosting p : latest.values()) {
      String key = CopyFeatures.duplicateKey(p);
      if (key != null) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
      }
    }
    long pairs = 0;
    long copyPairs = 0;
    double highestOfDifferentAds = 0;
    double sumOfDifferentAds = 0;
    for (List<RawPosting> block : byKey.values()) {
      List<CopyTraits> traits = block.stream().map(CopyFeatures::traits).toList();
      for (int a = 0; a < block.size(); a++) {
        for (int b = a + 1; b < block.size(); b++) {
          double similarity = MinHash.similarity(traits.get(a).signature(), traits.get(b).signature());
          if (ad(block.get(a)).equals(ad(block.get(b)))) {
            copyPairs++;
            assertThat(similarity).isGreaterThanOrEqualTo(CopyRule.DEFAULT_THRESHOLD);
          } else {
            pairs++;
            highestOfDifferentAds = Math.max(highestOfDifferentAds, similarity);
            sumOfDifferentAds += similarity;
          }
        }
      }
    }
    // blocks hold many ads (the demo market's 400 rows over 6,000 records), and about 3 in 100
    // records are copies of an earlier posting
    assertThat(pairs).isGreaterThan(10_000);
    assertThat(copyPairs).isBetween(100L, 300L);
    // different ads share the start of one demo ad at most: about a third of their shingles, and
    // none comes near the threshold even with MinHash's error (standard error about 0.06)
    assertThat(sumOfDifferentAds / pairs).isLessThan(0.45);
    assertThat(highestOfDifferentAds).isLessThan(0.7);
  }

  /** The ad a posting carries: an edit without pay appends a note, and a copy may be of the version before it. */
  private static String ad(RawPosting p) {
    return p.description().replaceAll(" Edited \\d+\\.", "");
  }
}
