package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PayDistributionTest {

  @Test
  void statisticsOfASmallSampleMatchHandComputedValues() {
    PayDistribution pay = new PayDistribution();
    pay.addAll(Map.of(10.0, 1L, 20.0, 2L, 40.0, 1L)); // 10, 20, 20, 40
    assertThat(pay.size()).isEqualTo(4);
    assertThat(pay.min()).isEqualTo(10);
    assertThat(pay.max()).isEqualTo(40);
    assertThat(pay.mean()).isEqualTo(22.5);
    assertThat(pay.quantile(0.5)).isEqualTo(20);
    assertThat(pay.quantile(0.25)).isEqualTo(17.5); // position 0.75 between 10 and 20
    assertThat(pay.quantile(0.9)).isEqualTo(34.0); // position 2.7 between 20 and 40
    // sample sd: deviations -12.5, -2.5, -2.5, 17.5 -> squares 475 / 3
    assertThat(pay.stddev()).isCloseTo(Math.sqrt(475.0 / 3), within(1e-12));
  }

  @Test
  void multisetGivesTheSameQuantilesAsTheExpandedSortedValues() {
    Random random = new Random(7);
    double[] values = new double[1001];
    TreeMap<Double, Long> counts = new TreeMap<>();
    for (int i = 0; i < values.length; i++) {
      values[i] = 40_000 + 1000 * random.nextInt(120);
      counts.merge(values[i], 1L, Long::sum);
    }
    Arrays.sort(values);
    PayDistribution pay = new PayDistribution();
    pay.addAll(counts);
    for (double p : new double[] {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1}) {
      double position = p * (values.length - 1);
      int lo = (int) Math.floor(position);
      int hi = Math.min(lo + 1, values.length - 1);
      double expected = values[lo] + (position - lo) * (values[hi] - values[lo]);
      assertThat(pay.quantile(p)).as("p=" + p).isEqualTo(expected);
    }
    assertThat(pay.quantile(0.5)).isEqualTo(values[500]);
    double[] ps = {0, 0.1, 0.25, 0.5, 0.5, 0.75, 0.9, 1};
    double[] together = pay.quantiles(ps);
    for (int i = 0; i < ps.length; i++) {
      assertThat(together[i]).as("p=" + ps[i] + " in one pass").isEqualTo(pay.quantile(ps[i]));
    }
  }

  @Test
  void quantilesInOnePassStepAcrossRepeatedValues() {
    PayDistribution pay = new PayDistribution();
    pay.addAll(Map.of(10.0, 3L, 20.0, 1L, 30.0, 2L)); // 10, 10, 10, 20, 30, 30
    assertThat(pay.quantiles(0.1, 0.5, 0.6, 0.9, 1.0)).containsExactly(10.0, 15.0, 20.0, 30.0, 30.0);
    for (double p : new double[] {0.1, 0.5, 0.6, 0.9, 1.0}) {
      assertThat(pay.quantiles(p)[0]).isEqualTo(pay.quantile(p));
    }
  }

  @Test
  void singleValueHasZeroSpread() {
    PayDistribution pay = new PayDistribution();
    pay.addAll(Map.of(55_000.0, 1L));
    assertThat(pay.stddev()).isZero();
    assertThat(pay.quantile(0.1)).isEqualTo(55_000.0);
  }
}
