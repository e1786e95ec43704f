package io.jobstream.aggregate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Mann-Whitney test and the median-gap interval against independent references: a case
 * small enough to count by hand, a large one with many ties with the values SciPy 1.17 gives
 * ({@code scipy.stats.mannwhitneyu(..., method="asymptotic")}; the interval from the Price-Bonett
 * formulas evaluated with {@code scipy.stats.binom.cdf} and {@code norm.ppf}), and, in the
 * {@code data} group, the salary survey's 2023 ML engineers and data scientists against U counted
 * pair by pair and medians of the sorted values.
 */
class DivergenceStatisticsTest {

  private static TreeMap<Double, Long> sample(double... values) {
    TreeMap<Double, Long> m = new TreeMap<>();
    for (double v : values) {
      m.merge(v, 1L, Long::sum);
    }
    return m;
  }

  @Test
  void smallSampleWithTies() {
    TreeMap<Double, Long> a = sample(10, 20, 20, 30, 40);
    TreeMap<Double, Long> b = sample(20, 25, 35, 35, 50, 60);
    MannWhitney test = MannWhitney.test(a, b);
    // A wins: 30 > 20, 25; 40 > 20, 25, 35, 35; each 20 ties one 20 (1/2): 2 + 4 + 1 = 7
    assertThat(test.u()).isEqualTo(7.0);
    assertThat(test.pValue()).isCloseTo(0.16601056437093298, within(1e-12));
    assertThat(test.z()).isNegative();
    MedianGap gap = MedianGap.of(a, b, 0.95);
    assertThat(gap.medianA()).isEqualTo(20.0);
    assertThat(gap.medianB()).isEqualTo(35.0);
    assertThat(gap.gap()).isEqualTo(-15.0);
    assertThat(gap.variance()).isCloseTo(151.06800126222757, within(1e-6));
    assertThat(gap.ciLow()).isCloseTo(-39.089863137291076, within(1e-6));
    assertThat(gap.ciHigh()).isCloseTo(9.089863137291072, within(1e-6));
  }

  @Test
  void largeSamplesWithManyTiesAgreeWithScipy() {
    // 1,068 and 1,925 values on grids of 1,000 and 900 steps, so most values are tied
    TreeMap<Double, Long> a = new TreeMap<>();
    TreeMap<Double, Long> b = new TreeMap<>();
    for (long i = 0; i < 1068; i++) {
      a.merge(120000.0 + (i * 7919 % 1000) * 100, 1L, Long::sum);
    }
    for (long i = 0; i < 1925; i++) {
      b.merge(100000.0 + (i * 104729 % 900) * 110, 1L, Long::sum);
    }
    MannWhitney test = MannWhitney.test(a, b);
    assertThat(test.u()).isEqualTo(1409321.0);
    assertThat(test.pValue()).isCloseTo(1.2680072020616355e-63, within(1.3e-69)); // 1e-6 relative
    MedianGap gap = MedianGap.of(a, b, 0.95);
    assertThat(gap.medianA()).isEqualTo(170150.0);
    assertThat(gap.medianB()).isEqualTo(149390.0);
    assertThat(gap.variance()).isCloseTo(3698732.103098126, within(1e-3));
    assertThat(gap.ciLow()).isCloseTo(16990.580009758687, within(0.01));
    assertThat(gap.ciHigh()).isCloseTo(24529.419990241313, within(0.01));
  }

  @Test
  @Tag("data")
  void machineLearningEngineersAgainstDataScientistsIn2023OfTheSurvey() throws IOException {
    Path file = DataDirectory.fromEnvironment().require(DataSet.SALARY_SURVEY);
    TreeMap<Double, Long> ml = new TreeMap<>();
    TreeMap<Double, Long> ds = new TreeMap<>();
    List<Double> mlValues = new ArrayList<>();
    List<Double> dsValues = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> header = List.of(in.readLine().split(","));
      int year = header.indexOf("work_year");
      int title = header.indexOf("job_title");
      int usd = header.indexOf("salary_in_usd");
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",");
        if (!f[year].equals("2023")) {
          continue;
        }
        if (f[title].equals("Machine Learning Engineer")) {
          ml.merge(Double.parseDouble(f[usd]), 1L, Long::sum);
          mlValues.add(Double.parseDouble(f[usd]));
        } else if (f[title].equals("Data Scientist")) {
          ds.merge(Double.parseDouble(f[usd]), 1L, Long::sum);
          dsValues.add(Double.parseDouble(f[usd]));
        }
      }
    }
    assertThat(mlValues).hasSizeGreaterThan(100);
    assertThat(dsValues).hasSizeGreaterThan(100);
    assertThat(MannWhitney.total(ml)).isEqualTo(mlValues.size());
    assertThat(MannWhitney.total(ds)).isEqualTo(dsValues.size());
    // U counted pair by pair (a tie counts a half), against the rank-sum formula
    double u = 0;
    for (double x : mlValues) {
      for (double y : dsValues) {
        u += x > y ? 1 : x == y ? 0.5 : 0;
      }
    }
    MannWhitney test = MannWhitney.test(ml, ds);
    assertThat(test.u()).isEqualTo(u);
    assertThat(test.pValue()).isBetween(0.0, 1.0);
    MedianGap gap = MedianGap.of(ml, ds, 0.95);
    assertThat(gap.medianA()).isEqualTo(median(mlValues));
    assertThat(gap.medianB()).isEqualTo(median(dsValues));
    assertThat(gap.ciLow()).isLessThan(gap.gap());
    assertThat(gap.ciHigh()).isGreaterThan(gap.gap());
  }

  private static double median(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    v.sort(null);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  @Test
  void normalTailAndQuantile() {
    assertThat(Normal.sf(0)).isCloseTo(0.5, within(1e-15));
    assertThat(Normal.sf(1.959963984540054)).isCloseTo(0.025, within(1e-12));
    assertThat(Normal.sf(5)).isCloseTo(2.866515718791939e-07, within(1e-20));
    assertThat(Normal.ppf(0.975)).isCloseTo(1.959963984540054, within(1e-12));
    assertThat(Normal.ppf(0.001)).isCloseTo(-3.090232306167813, within(1e-9));
  }

  @Test
  void identicalSamplesAreNotDifferent() {
    MannWhitney test = MannWhitney.test(sample(5, 5, 5), sample(5, 5));
    assertThat(test.pValue()).isEqualTo(1.0);
  }
}
