package io.jobstream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accuracy on the development set of real salary strings (from LinkedIn posting descriptions),
 * labeled by hand: pay found exactly (annual figures within 1%) for at least 95%, and no salary
 * at all from the strings that state no pay.
 */
class SalaryAccuracyTest {

  private static final LocalDate APRIL_2024 = LocalDate.of(2024, 4, 15);

  @Test
  void salaryAccuracyMeetsTheTargetWithNoFalseSalaries() throws IOException {
    PayExtractor extractor = new PayExtractor();
    int pay = 0;
    int payRight = 0;
    int none = 0;
    int falseSalaries = 0;
    List<String> misses = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/dev/salaries.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        PayResult result = extractor.fromText(f[0], null, APRIL_2024);
        Salary s = result.salary();
        if (f[1].equals("none")) {
          none++;
          if (s != null) {
            falseSalaries++;
            misses.add("FALSE SALARY: " + f[0] + " -> " + s);
          }
          continue;
        }
        pay++;
        double annualMin = Double.parseDouble(f[5]);
        double annualMax = Double.parseDouble(f[6]);
        boolean right = s != null && s.currency().equals(f[1]) && s.period().equals(f[2])
            && within1Percent(s.annualMin(), annualMin) && within1Percent(s.annualMax(), annualMax);
        if (right) {
          payRight++;
        } else {
          misses.add("miss: " + f[0] + " | want " + f[1] + " " + f[2] + " " + annualMin + ".." + annualMax
              + " | got " + (s == null ? "nothing (" + result.rejected() + ")" : s));
        }
      }
    }
    double accuracy = (double) payRight / pay;
    System.out.printf("salary dev set: %d strings with pay, %d without; exact %.3f; false salaries %d%n",
        pay, none, accuracy, falseSalaries);
    misses.forEach(m -> System.out.println("  " + m));
    assertThat(pay + none).isGreaterThanOrEqualTo(60);
    assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
    assertThat(falseSalaries).isZero();
  }

  private static boolean within1Percent(double actual, double expected) {
    return Math.abs(actual - expected) <= 0.01 * Math.abs(expected);
  }
}
