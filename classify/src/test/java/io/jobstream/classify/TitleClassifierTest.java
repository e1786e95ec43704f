package io.jobstream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleClassifierTest {

  private final TitleClassifier classifier = new TitleClassifier();

  @ParameterizedTest(name = "{0} -> {1}/{2}")
  @CsvSource(delimiter = ';', value = {
      "Data Scientist; data_scientist; mid",
      "Senior Data Scientist; data_scientist; senior",
      "Data Science Manager; data_scientist; manager",
      "DATA SCIENTIST (REMOTE); data_scientist; mid",
      "Machine Learning Engineer; ml_engineer; mid",
      "Sr. ML Engineer; ml_engineer; senior",
      "Software Engineer, Machine Learning; ml_engineer; mid",
      "MLOps Engineer; ml_engineer; mid",
      "Generative AI Engineer; ai_engineer; mid",
      "Staff Machine Learning Scientist, AI Foundation; research_scientist; staff",
      "Research Scientist; research_scientist; mid",
      "Data Analyst; data_analyst; mid",
      "Business Intelligence Analyst; data_analyst; mid",
      "Analytics Engineer; data_engineer; mid",
      "Principal Data Engineer; data_engineer; principal",
      "Biostatistician; statistician; mid",
      "Quantitative Researcher; quant; mid",
      "Software Engineer; software_engineer; mid",
      "Junior Full Stack Developer; software_engineer; entry",
      "Registered Nurse; other; mid",
      "Marketing Coordinator; other; mid",
      "Software Engineering Intern; other; intern",
      "Director of Data Science; data_scientist; director",
  })
  void classifiesRealTitles(String title, String family, String seniority) {
    TitleClassification result = classifier.classify(title);
    assertThat(result.family().id()).isEqualTo(family);
    assertThat(result.seniority().id()).isEqualTo(seniority);
  }

  @ParameterizedTest
  @CsvSource(value = {"''", "'   '"})
  void blankTitleIsOther(String title) {
    assertThat(classifier.classify(title).family()).isEqualTo(RoleFamily.OTHER);
    assertThat(classifier.classify(title).rule()).isEqualTo("empty");
  }

  @org.junit.jupiter.api.Test
  void nullTitleIsOther() {
    assertThat(classifier.classify(null).family()).isEqualTo(RoleFamily.OTHER);
  }

  @org.junit.jupiter.api.Test
  void reportsTheDecidingRule() {
    assertThat(classifier.classify("Lead Data Engineer").rule()).isEqualTo("data-engineer");
    assertThat(classifier.classify("Barber").rule()).isEqualTo("no-rule");
  }
}
