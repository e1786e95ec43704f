package io.jobstream.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.classify.TitleClassifier;
import io.jobstream.classify.text.TokenSpans;
import io.jobstream.classify.wording.GenderCoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedMarketTest {

  private static final TitleClassifier CLASSIFIER = new TitleClassifier();
  private final List<JsonNode> postings = GeneratedMarket.demo().postings(GeneratedMarket.DEFAULT_POSTINGS);

  @Test
  void theSameSeedGivesTheSameMarketAndAnotherSeedAnotherOne() {
    assertThat(GeneratedMarket.demo().postings(GeneratedMarket.DEFAULT_POSTINGS)).isEqualTo(postings);
    assertThat(GeneratedMarket.demo().surveyRows(500)).isEqualTo(GeneratedMarket.demo().surveyRows(500));
    assertThat(new GeneratedMarket(7).postings(50)).isNotEqualTo(postings.subList(0, 50));
  }

  @Test
  void everyTitleClassifiesToItsRolesFamilyAtEverySeniority() {
    Random random = new Random(1);
    for (MarketRole role : MarketRole.values()) {
      for (String base : role.titles()) {
        assertThat(CLASSIFIER.classify(base).family()).as(base).isEqualTo(role.family());
        for (MarketSeniority seniority : MarketSeniority.values()) {
          for (int i = 0; i < 6; i++) {
            String title = seniority.title(base, random);
            assertThat(CLASSIFIER.classify(title).family()).as(title).isEqualTo(role.family());
          }
        }
      }
    }
  }

  @Test
  void theBoardHasEveryFamilyWithPayInSeveralCurrenciesAndPeriods() {
    Map<String, Integer> families = new HashMap<>();
    postings.forEach(p -> families.merge(CLASSIFIER.classify(p.get("title").asText()).family(), 1, Integer::sum));
    assertThat(families.keySet()).containsAll(Set.of("ml_engineer", "data_scientist", "data_engineer",
        "software_engineer", "data_analyst", "research_scientist", "ai_engineer", "other"));
    assertThat(families.get("ml_engineer")).isGreaterThan(40);
    assertThat(families.get("data_scientist")).isGreaterThan(40);

    Set<String> currencies = postings.stream().filter(p -> p.hasNonNull("currency"))
        .map(p -> p.get("currency").asText()).collect(Collectors.toSet());
    assertThat(currencies).contains("USD", "GBP", "EUR", "CAD", "INR");
    Set<String> periods = postings.stream().filter(p -> p.hasNonNull("pay_period"))
        .map(p -> p.get("pay_period").asText()).collect(Collectors.toSet());
    assertThat(periods).containsExactlyInAnyOrder("YEARLY", "MONTHLY", "HOURLY");
    long withPay = postings.stream().filter(p -> p.hasNonNull("max_salary") || p.hasNonNull("med_salary")).count();
    assertThat(withPay).isBetween(250L, 360L);
    assertThat(postings).allSatisfy(p -> {
      if (p.hasNonNull("min_salary")) {
        assertThat(p.get("min_salary").asDouble()).isPositive().isLessThan(p.get("max_salary").asDouble());
      }
    });
    assertThat(postings.stream().filter(p -> p.get("description").asText().contains("The pay range for this role is $")))
        .isNotEmpty();
    Set<String> countries = postings.stream().map(p -> p.get("country").asText()).collect(Collectors.toSet());
    assertThat(countries).contains("US", "GB", "DE", "FR", "CA", "IN");
  }

  @Test
  void idsAreUniqueAndDatesSpreadOverRecentYears() {
    assertThat(postings.stream().map(p -> p.get("job_id").asText()).distinct()).hasSize(postings.size());
    Set<Integer> years = postings.stream().map(p -> Instant.ofEpochMilli(p.get("listed_time").asLong())
        .atOffset(ZoneOffset.UTC).getYear()).collect(Collectors.toSet());
    assertThat(years).containsExactlyInAnyOrder(2022, 2023, 2024);
    // a few cross-posted copies: same text under another id
    long distinctTexts = postings.stream().map(p -> p.get("description").asText()).distinct().count();
    assertThat(distinctTexts).isLessThan(postings.size()).isGreaterThan(postings.size() * 9L / 10);
  }

  @Test
  void descriptionsAreSeveralKilobytesLeanDifferentWaysAndSomeAreGenderCoded() {
    java.util.IntSummaryStatistics lengths = postings.stream().mapToInt(p -> p.get("description").asText().length())
        .summaryStatistics();
    assertThat(lengths.getMin()).as(lengths.toString()).isGreaterThan(1200);
    assertThat(lengths.getAverage()).as(lengths.toString()).isBetween(2000.0, 5000.0);
    String all = postings.stream().map(p -> p.get("description").asText()).collect(Collectors.joining("\n"));
    assertThat(all).contains("PyTorch", "Kubernetes", "Tableau", "Apache Airflow");
    GenderCoder coder = new GenderCoder();
    Set<String> labels = new HashSet<>();
    postings.forEach(p -> labels.add(coder.code(TokenSpans.of(p.get("description").asText())).label()));
    assertThat(labels.size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void surveyRowsHaveTheSurveyLayoutAndMlEngineersEarnMoreThanDataScientists(@TempDir Path dir) throws Exception {
    Path file = GeneratedMarket.demo().writeSurvey(dir.resolve("survey.csv"), GeneratedMarket.DEFAULT_SURVEY_ROWS);
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo(GeneratedMarket.SURVEY_HEADER);
    assertThat(lines).hasSize(GeneratedMarket.DEFAULT_SURVEY_ROWS + 1);
    Map<String, List<Long>> usdByFamily = new HashMap<>();
    Set<String> years = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      assertThat(f).hasSize(11);
      years.add(f[0]);
      String family = CLASSIFIER.classify(f[3]).family();
      assertThat(family).as(f[3]).isNotEqualTo("other");
      if (f[0].equals("2024") && f[7].equals("US")) {
        usdByFamily.computeIfAbsent(family, k -> new java.util.ArrayList<>()).add(Long.parseLong(f[6]));
      }
    }
    assertThat(years).containsExactlyInAnyOrder("2020", "2021", "2022", "2023", "2024");
    assertThat(median(usdByFamily.get("ml_engineer"))).isGreaterThan(median(usdByFamily.get("data_scientist")) + 10_000);
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().skip(values.size() / 2).findFirst().orElseThrow();
  }
}
