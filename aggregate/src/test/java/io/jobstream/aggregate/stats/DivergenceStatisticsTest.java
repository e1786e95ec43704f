package io.jobstream.aggregate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The Mann-Whitney test and the median-gap interval against independent references: a case
 * small enough to count by hand, and a large one from the salary survey in data/ with the values
 * SciPy 1.17 gives ({@code scipy.stats.mannwhitneyu(..., method="asymptotic")}; the interval
 * from the Price-Bonett formulas evaluated with {@code scipy.stats.binom.cdf} and
 * {@code norm.ppf}).
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
  void machineLearningEngineersAgainstDataScientistsIn2023() throws IOException {
    // the repository's data directory (tests run in the module directory)
    Path file = Path.of("..", "data", "ai-jobs-salaries-2020-2024.csv.gz");
    TreeMap<Double, Long> ml = new TreeMap<>();
    TreeMap<Double, Long> ds = new TreeMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
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
        } else if (f[title].equals("Data Scientist")) {
          ds.merge(Double.parseDouble(f[usd]), 1L, Long::sum);
        }
      }
    }
    assertThat(MannWhitney.total(ml)).isEqualTo(1068);
    assertThat(MannWhitney.total(ds)).isEqualTo(1925);
    MannWhitney test = MannWhitney.test(ml, ds);
    assertThat(test.u()).isEqualTo(1294317.0);
    assertThat(test.pValue()).isCloseTo(6.175971412610537e-32, within(6.2e-38)); // 1e-6 relative
    MedianGap gap = MedianGap.of(ml, ds, 0.95);
    assertThat(gap.medianA()).isEqualTo(186377.0);
    assertThat(gap.medianB()).isEqualTo(160000.0);
    assertThat(gap.ciLow()).isCloseTo(19531.563313430965, within(0.01));
    assertThat(gap.ciHigh()).isCloseTo(33222.43668656904, within(0.01));
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
