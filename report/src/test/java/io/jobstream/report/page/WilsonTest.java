package io.jobstream.report.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {

  @Test
  void theEndsAreWhereTheScoreTestJustRejects() {
    // the interval is every p with (k/n - p)^2 <= z^2 p (1 - p) / n: its ends solve the equality
    for (long[] kn : new long[][] {{8, 11}, {50, 125}, {1, 30}, {299, 300}}) {
      Wilson w = Wilson.of(kn[0], kn[1]);
      double share = (double) kn[0] / kn[1];
      for (double p : new double[] {w.low(), w.high()}) {
        double lhs = (share - p) * (share - p);
        double rhs = Wilson.Z95 * Wilson.Z95 * p * (1 - p) / kn[1];
        assertThat(lhs).as(kn[0] + "/" + kn[1] + " at " + p).isCloseTo(rhs, within(1e-12));
      }
      assertThat(w.low()).isLessThan(share);
      assertThat(w.high()).isGreaterThan(share);
    }
    Wilson a = Wilson.of(8, 11);
    assertThat(a.low()).isCloseTo(0.4344, within(1e-4));
    assertThat(a.high()).isCloseTo(0.9025, within(1e-4));
  }

  @Test
  void staysWithinZeroAndOne() {
    assertThat(Wilson.of(0, 5).low()).isZero();
    assertThat(Wilson.of(0, 5).high()).isCloseTo(0.4345, within(1e-4));
    assertThat(Wilson.of(5, 5).high()).isEqualTo(1.0);
    assertThat(Wilson.ofShare(0.5, 4)).isEqualTo(Wilson.of(2, 4));
  }
}
