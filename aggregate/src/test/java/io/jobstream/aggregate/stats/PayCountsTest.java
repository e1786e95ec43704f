package io.jobstream.aggregate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PayCountsTest {

  /** Days of random pay added to and taken out of a window, against a TreeMap doing the same. */
  @Test
  void slidingByMergesKeepsTheSameMultisetAsATreeMap() {
    Random random = new Random(11);
    List<PayCounts> days = new ArrayList<>();
    List<TreeMap<Double, Long>> expectedDays = new ArrayList<>();
    for (int d = 0; d < 60; d++) {
      PayCounts day = new PayCounts();
      TreeMap<Double, Long> expected = new TreeMap<>();
      for (int i = random.nextInt(40); i > 0; i--) {
        double value = 50_000 + 1_000 * random.nextInt(80);
        long n = 1 + random.nextInt(3);
        day.add(value, n);
        expected.merge(value, n, Long::sum);
      }
      days.add(day);
      expectedDays.add(expected);
      assertThat(day.toMap()).isEqualTo(expected);
    }
    PayCounts window = new PayCounts();
    TreeMap<Double, Long> expected = new TreeMap<>();
    for (int d = 0; d < days.size(); d++) {
      window.addAll(days.get(d));
      expectedDays.get(d).forEach((v, n) -> expected.merge(v, n, Long::sum));
      if (d >= 30) {
        window.subtractAll(days.get(d - 30));
        expectedDays.get(d - 30).forEach((v, n) -> expected.merge(v, -n, (a, b) -> a + b == 0 ? null : a + b));
      }
      assertThat(window.toMap()).as("after day " + d).isEqualTo(expected);
      assertThat(window.total()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
      assertThat(window.distinct()).isEqualTo(expected.size());
    }
  }

  @Test
  void ranksCountRepeatedValues() {
    PayCounts pay = new PayCounts();
    pay.add(30.0, 2);
    pay.add(10.0, 3);
    pay.add(20.0, 1); // 10 10 10 20 30 30
    assertThat(pay.valueAtRank(0)).isEqualTo(10.0);
    assertThat(pay.valueAtRank(2)).isEqualTo(10.0);
    assertThat(pay.valueAtRank(3)).isEqualTo(20.0);
    assertThat(pay.valueAtRank(5)).isEqualTo(30.0);
    assertThatThrownBy(() -> pay.valueAtRank(6)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aValueWhosePostingsAllLeaveIsGone() {
    PayCounts window = new PayCounts();
    PayCounts day = new PayCounts();
    day.add(70_000.0, 2);
    window.add(60_000.0, 1);
    window.addAll(day);
    window.subtractAll(day);
    assertThat(window.toMap()).containsExactly(java.util.Map.entry(60_000.0, 1L));
    window.add(60_000.0, -1);
    assertThat(window.distinct()).isZero();
    assertThat(window.total()).isZero();
  }

  @Test
  void negativeZeroIsZeroAndNaNIsRefused() {
    PayCounts pay = new PayCounts();
    pay.add(-0.0, 1);
    pay.add(0.0, 1);
    assertThat(pay.distinct()).isEqualTo(1);
    assertThat(pay.count(0)).isEqualTo(2);
    assertThatThrownBy(() -> pay.add(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
