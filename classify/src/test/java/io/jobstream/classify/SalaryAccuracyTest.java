package io.jobstream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Accuracy on the project's own pay strings ({@code /dev/salaries.tsv}, written in the styles job
 * ads use), labeled by hand: pay found exactly (annual figures within 1%) for at least 95%, and no
 * salary at all from the strings that state no pay. The same extractor on real ads:
 * {@link LinkedInSalaryAccuracyTest}.
 */
class SalaryAccuracyTest {

  static final LocalDate APRIL_2024 = LocalDate.of(2024, 4, 15);

  @Test
  void salaryAccuracyMeetsTheTargetWithNoFalseSalaries() throws IOException {
    PayExtractor extractor = new PayExtractor();
    SalaryScore score = new SalaryScore();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/dev/salaries.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        score.add(f[0], SalaryScore.Label.parse(f, 1), extractor.fromText(f[0], null, APRIL_2024));
      }
    }
    score.print("salary dev set");
    assertThat(score.strings()).isGreaterThanOrEqualTo(100);
    assertThat(score.accuracy()).isGreaterThanOrEqualTo(0.95);
    assertThat(score.falseSalaries()).isZero();
  }
}
