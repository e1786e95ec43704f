package io.jobstream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accuracy on the development set: real titles from the shared data (ai-jobs.net survey, USAJOBS,
 * LinkedIn), labeled by hand. The targets are the project's: family >= 95%, seniority >= 90%.
 */
class TitleAccuracyTest {

  record Labeled(String title, String family, String seniority, String source) {}

  static List<Labeled> devSet() throws IOException {
    List<Labeled> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        TitleAccuracyTest.class.getResourceAsStream("/dev/titles.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        rows.add(new Labeled(f[0], f[1], f[2], f[3]));
      }
    }
    return rows;
  }

  @Test
  void familyAndSeniorityAccuracyMeetTheTargets() throws IOException {
    List<Labeled> rows = devSet();
    TitleClassifier classifier = new TitleClassifier();
    int family = 0;
    int seniority = 0;
    List<String> misses = new ArrayList<>();
    for (Labeled row : rows) {
      TitleClassification c = classifier.classify(row.title());
      boolean familyOk = c.family().equals(row.family());
      boolean seniorityOk = c.seniority().equals(row.seniority());
      family += familyOk ? 1 : 0;
      seniority += seniorityOk ? 1 : 0;
      if (!familyOk || !seniorityOk) {
        misses.add(String.format("%s | want %s/%s | got %s/%s | %s", row.title(), row.family(),
            row.seniority(), c.family(), c.seniority(), c.explanation()));
      }
    }
    double familyAccuracy = (double) family / rows.size();
    double seniorityAccuracy = (double) seniority / rows.size();
    System.out.printf("title dev set: %d titles, family accuracy %.3f, seniority accuracy %.3f%n",
        rows.size(), familyAccuracy, seniorityAccuracy);
    misses.forEach(m -> System.out.println("  miss: " + m));
    assertThat(rows).hasSizeGreaterThanOrEqualTo(400);
    assertThat(familyAccuracy).as("family accuracy").isGreaterThanOrEqualTo(0.95);
    assertThat(seniorityAccuracy).as("seniority accuracy").isGreaterThanOrEqualTo(0.90);
  }
}
