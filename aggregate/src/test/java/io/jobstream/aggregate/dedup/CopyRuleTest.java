package io.jobstream.aggregate.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobstream.model.CopyTraits;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When two postings are copies, and the clusters they make. */
class CopyRuleTest {

  private static final String AD = "You will join the payments team and own services built on Kafka and Postgres. "
      + "Day to day you design, build and operate pipelines that move ten million events a day.";
  private static final LocalDate APRIL_1 = LocalDate.of(2024, 4, 1);

  private static CopyCandidate posting(String id, LocalDate date, String place, LocalDate validThrough, String ad) {
    return new CopyCandidate(id, date, "acme|data engineer", new CopyTraits(place, validThrough, MinHash.signature(ad)));
  }

  @Test
  void aPostingIsOpenUntilItsValidThroughOrForTheSpan() {
    CopyRule rule = CopyRule.DEFAULT;
    assertThat(rule.end(posting("a", APRIL_1, "", null, AD))).isEqualTo(APRIL_1.plusDays(60));
    assertThat(rule.end(posting("a", APRIL_1, "", APRIL_1.plusDays(20), AD))).isEqualTo(APRIL_1.plusDays(20));
    // a validThrough before the date is no end; a far-off one is a placeholder, capped
    assertThat(rule.end(posting("a", APRIL_1, "", APRIL_1.minusDays(1), AD))).isEqualTo(APRIL_1.plusDays(60));
    assertThat(rule.end(posting("a", APRIL_1, "", LocalDate.of(2099, 1, 1), AD))).isEqualTo(APRIL_1.plusDays(365));
  }

  @Test
  void copiesOverlapInTimeShareAPlaceAndAreSimilar() {
    CopyRule rule = CopyRule.DEFAULT;
    CopyCandidate a = posting("a", APRIL_1, "austin|tx|us", null, AD);
    assertThat(rule.match(a, posting("b", APRIL_1.plusDays(60), "austin||us", null, AD + " Share it.")))
        .isNotNull()
        .satisfies(m -> assertThat(m.reason()).contains("description similarity"));
    // a repost the day after the span, another city, another ad, another key: not copies
    assertThat(rule.match(a, posting("b", APRIL_1.plusDays(61), "austin|tx|us", null, AD))).isNull();
    assertThat(rule.match(a, posting("b", APRIL_1, "denver|co|us", null, AD))).isNull();
    assertThat(rule.match(a, posting("b", APRIL_1, "austin|tx|us", null, "Maintain the warehouse and its tests."))).isNull();
    assertThat(rule.match(a, new CopyCandidate("b", APRIL_1, "acme|data scientist", a.traits()))).isNull();
    // a repost after the first's validThrough
    CopyCandidate ended = posting("a", APRIL_1, "austin|tx|us", APRIL_1.plusDays(10), AD);
    assertThat(rule.match(ended, posting("b", APRIL_1.plusDays(11), "austin|tx|us", null, AD))).isNull();
    // an ad that names several places is one opening in each
    assertThat(rule.match(a, posting("b", APRIL_1, PlaceName.MULTI, null, AD))).isNotNull();
  }

  @Test
  void aClusterIsItsRepresentativeAndItsCopiesWhileItIsOpen() {
    CopyRule rule = CopyRule.DEFAULT;
    // b copies a; c copies b but comes after a ended: a repost, a cluster of its own; d is another job
    List<CopyCandidate> postings = List.of(posting("c", APRIL_1.plusDays(100), "", null, AD),
        posting("d", APRIL_1.plusDays(5), "", null, "Maintain the warehouse and its tests."),
        posting("b", APRIL_1.plusDays(50), "", null, AD), posting("a", APRIL_1, "", null, AD));
    List<CopyClusters.Cluster> clusters = CopyClusters.of(rule, postings);
    assertThat(clusters).hasSize(3);
    assertThat(clusters.get(0).members()).extracting(CopyCandidate::id).containsExactly("a", "b");
    assertThat(clusters.get(0).matches()).hasSize(1);
    assertThat(clusters.get(1).members()).extracting(CopyCandidate::id).containsExactly("d");
    assertThat(clusters.get(2).members()).extracting(CopyCandidate::id).containsExactly("c");
    // the same postings in another order: the same clusters
    assertThat(CopyClusters.of(rule, List.of(postings.get(3), postings.get(1), postings.get(0), postings.get(2)))).isEqualTo(clusters);
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> new CopyRule(0, 60)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> new CopyRule(0.8, -1)).hasMessageContaining("span");
  }
}
