package io.jobstream.aggregate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The mix-adjusted gap on samples small enough to work out by hand (minimum n 3): a raw gap that
 * is all mix, one that is not, small countries pooled, cells too small left out, and the interval
 * from the cells' variances.
 */
class AdjustedGapTest {

  private static PayCounts pay(double... values) {
    PayCounts p = new PayCounts();
    for (double v : values) {
      p.add(v, 1);
    }
    return p;
  }

  /** seniority -> country -> pay, from {seniority, country, pay} triples. */
  private static Map<String, Map<String, PayCounts>> side(Object... cells) {
    Map<String, Map<String, PayCounts>> out = new TreeMap<>();
    for (int i = 0; i < cells.length; i += 3) {
      out.computeIfAbsent((String) cells[i], s -> new TreeMap<>()).put((String) cells[i + 1], (PayCounts) cells[i + 2]);
    }
    return out;
  }

  @Test
  void aGapThatIsAllMixAdjustsToZero() {
    // same pay within each seniority; A is mostly senior, B mostly junior: the raw medians differ
    var a = side("junior", "US", pay(100, 100, 100), "senior", "US", pay(200, 200, 200, 200, 200, 200, 200));
    var b = side("junior", "US", pay(100, 100, 100, 100, 100, 100, 100), "senior", "US", pay(200, 200, 200));
    AdjustedGap adjusted = AdjustedGap.of(a, b, 3, 0.95);
    assertThat(adjusted.gap()).isEqualTo(0.0);
    assertThat(adjusted.coverage()).isEqualTo(1.0);
    assertThat(adjusted.cells()).extracting(AdjustedGap.CellGap::seniority).containsExactly("junior", "senior");
    // 10 postings in each cell: equal weights
    assertThat(adjusted.cells()).extracting(AdjustedGap.CellGap::weight).containsExactly(0.5, 0.5);
  }

  @Test
  void cellGapsAreWeightedByThePairsPooledMix() {
    var a = side("junior", "US", pay(110, 120, 130), "senior", "US", pay(200, 210, 220, 230, 240, 250));
    var b = side("junior", "US", pay(100, 100, 100, 100, 100, 100), "senior", "US", pay(200, 200, 200));
    AdjustedGap adjusted = AdjustedGap.of(a, b, 3, 0.95);
    // junior: 120 - 100 = 20 with 9 postings; senior: median of A (220+230)/2 = 225, 225 - 200 = 25 with 9
    assertThat(adjusted.cells()).extracting(AdjustedGap.CellGap::gap).containsExactly(20.0, 25.0);
    assertThat(adjusted.cells()).extracting(AdjustedGap.CellGap::nA).containsExactly(3L, 6L);
    assertThat(adjusted.gap()).isEqualTo(22.5);
    // the interval: sqrt(sum w^2 var) from the cells' Price-Bonett variances
    MedianGap junior = MedianGap.of(pay(110, 120, 130), pay(100, 100, 100, 100, 100, 100), 0.95);
    MedianGap senior = MedianGap.of(pay(200, 210, 220, 230, 240, 250), pay(200, 200, 200), 0.95);
    double variance = 0.25 * junior.variance() + 0.25 * senior.variance();
    assertThat(variance).isPositive();
    assertThat(adjusted.variance()).isCloseTo(variance, within(1e-9));
    assertThat(adjusted.ciLow()).isCloseTo(22.5 - 1.959963984540054 * Math.sqrt(variance), within(1e-9));
    assertThat(adjusted.ciHigh()).isCloseTo(22.5 + 1.959963984540054 * Math.sqrt(variance), within(1e-9));
  }

  @Test
  void countriesWithTooFewPostingsArePooledIntoOther() {
    // DE and FR have too few of A to stand alone (2 and 1); together with each other they make a cell
    var a = side("mid", "US", pay(10, 20, 30), "mid", "DE", pay(50, 60), "mid", "FR", pay(70));
    var b = side("mid", "US", pay(5, 15, 25), "mid", "DE", pay(40, 40, 40), "mid", "FR", pay(30, 30, 30));
    PayCounts de = a.get("mid").get("DE");
    AdjustedGap adjusted = AdjustedGap.of(a, b, 3, 0.95);
    assertThat(adjusted.cells()).extracting(AdjustedGap.CellGap::country).containsExactly("US", "other");
    AdjustedGap.CellGap other = adjusted.cells().get(1);
    assertThat(other.nA()).isEqualTo(3);
    assertThat(other.nB()).isEqualTo(6);
    assertThat(other.medianA()).isEqualTo(60.0);
    assertThat(other.medianB()).isEqualTo(35.0);
    // US: 20 - 15 = 5 with 6 postings; other: 25 with 9
    assertThat(adjusted.gap()).isCloseTo(0.4 * 5 + 0.6 * 25, within(1e-12));
    // pooling copies: the caller's counts are as they were
    assertThat(de.total()).isEqualTo(2);
  }

  @Test
  void cellsWhereEitherSideIsTooSmallAreLeftOutAndTheCoverageSaysHowMuch() {
    var a = side("mid", "US", pay(10, 20, 30), "senior", "US", pay(40, 50, 60, 70));
    var b = side("mid", "US", pay(10, 10, 10), "senior", "US", pay(45, 55));
    AdjustedGap adjusted = AdjustedGap.of(a, b, 3, 0.95);
    assertThat(adjusted.cells()).extracting(AdjustedGap.CellGap::seniority).containsExactly("mid");
    assertThat(adjusted.cells().get(0).weight()).isEqualTo(1.0);
    assertThat(adjusted.gap()).isEqualTo(10.0);
    assertThat(adjusted.coverage()).isEqualTo(6.0 / 12);
  }

  @Test
  void noUsableCellGivesNoAdjustedGap() {
    var a = side("mid", "US", pay(10, 20), "senior", "DE", pay(40, 50, 60));
    var b = side("mid", "US", pay(10, 10, 10), "senior", "DE", pay(45, 55));
    assertThat(AdjustedGap.of(a, b, 3, 0.95)).isNull();
    assertThat(AdjustedGap.of(Map.of(), Map.of(), 3, 0.95)).isNull();
  }

  @Test
  void theSamePostingsInAnyInputOrderGiveTheSameBits() {
    var a1 = side("senior", "US", pay(201, 233, 257), "junior", "US", pay(113, 127, 139), "junior", "DE", pay(90, 95, 99));
    var b1 = side("junior", "DE", pay(80, 82, 91), "junior", "US", pay(101, 103, 107), "senior", "US", pay(199, 211, 223));
    Map<String, Map<String, PayCounts>> a2 = new java.util.LinkedHashMap<>();
    a2.put("junior", new java.util.LinkedHashMap<>(Map.of("US", pay(139, 127, 113), "DE", pay(99, 95, 90))));
    a2.put("senior", Map.of("US", pay(257, 233, 201)));
    AdjustedGap one = AdjustedGap.of(a1, b1, 3, 0.95);
    AdjustedGap two = AdjustedGap.of(a2, b1, 3, 0.95);
    assertThat(two).isEqualTo(one);
    assertThat(one.cells()).extracting(c -> c.seniority() + "/" + c.country())
        .containsExactly("junior/DE", "junior/US", "senior/US");
  }
}
