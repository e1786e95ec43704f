package io.jobstream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleClassifierTest {

  private final TitleClassifier classifier = new TitleClassifier();

  /** The messy titles named in the classify issue, and other forms seen on job boards. */
  @ParameterizedTest(name = "{0} -> {1}/{2}")
  @CsvSource(delimiter = ';', value = {
      "Sr. ML Eng; ml_engineer; senior",
      "Data Scientist 3 (718); data_scientist; senior",
      "Intern - Data Scientist - GenAI Chatbot; data_scientist; intern",
      "Staff Machine Learning Scientist, AI Foundation; research_scientist; staff",
      "DATA SCIENTIST (REMOTE); data_scientist; mid",
      "Machine-Learning-Ingenieur (w/m/d); ml_engineer; mid",
      "Software Engineer, Machine Learning; ml_engineer; mid",
      "COMPUTER SCIENTIST - ENGINEER - RESEARCH COMPUTER SCIENTIST - SIGNAL PROCESSING; research_scientist; mid",
      "Data Science Manager; data_scientist; manager",
      "Ingénieur Machine Learning H/F; ml_engineer; mid",
      "Ingeniero de Datos Senior; data_engineer; senior",
      "Científico de Datos; data_scientist; mid",
      "Werkstudent Data Analytics (m/w/d); data_analyst; intern",
      "Senior Software Engineer - Backend (Remote, US); software_engineer; senior",
      "VP, Data Science; data_scientist; executive",
      "Biostatistician II; statistician; mid",
      "Quant Developer; quant; mid",
      "Prompt Engineer; ai_engineer; mid",
      "LLM Engineer; ai_engineer; mid",
      "MLOps Engineer; ml_engineer; mid",
      "Registered Nurse; other; mid",
      "Product Manager, AI; other; mid",
  })
  void classifiesMessyTitles(String title, String family, String seniority) {
    TitleClassification result = classifier.classify(title);
    assertThat(result.family()).as(result.explanation()).isEqualTo(family);
    assertThat(result.seniority()).as(result.explanation()).isEqualTo(seniority);
  }

  @Test
  void carriesOccupationCodeConfidenceAndExplanation() {
    TitleClassification ds = classifier.classify("Lead Data Scientist");
    assertThat(ds.soc()).isEqualTo("15-2051.00");
    assertThat(ds.confidence()).isBetween(0.9, 1.0);
    assertThat(ds.explanation()).contains("data_scientist#1").contains("lead");
    TitleClassification nurse = classifier.classify("Respiratory Therapist");
    assertThat(nurse.soc()).isNull();
    assertThat(nurse.rule()).isEqualTo("none");
  }

  @Test
  void theDescriptionDecidesAnAmbiguousTitle() {
    String assays = "Develop and run cell-based assays in our laboratory; protein purification, "
        + "PCR and HPLC experience required.";
    String ml = "Train large language models in PyTorch; publish machine learning research.";
    assertThat(classifier.classify("Research Scientist", assays).family()).isEqualTo("other");
    assertThat(classifier.classify("Research Scientist", ml).family()).isEqualTo("research_scientist");
    // an unambiguous title is not overruled by its description
    assertThat(classifier.classify("Machine Learning Scientist", assays).family())
        .isEqualTo("research_scientist");
  }

  @Test
  void blankAndNullTitlesAreOther() {
    assertThat(classifier.classify(null).family()).isEqualTo("other");
    assertThat(classifier.classify("   ").explanation()).contains("empty title");
  }

  @Test
  void cachedAndUncachedResultsAgree() {
    for (String title : new String[] {"Senior Data Engineer", "BI Developer", "Nurse"}) {
      assertThat(classifier.classify(title)).isEqualTo(classifier.classifyUncached(title));
      assertThat(classifier.classify(title)).isEqualTo(classifier.classifyUncached(title));
    }
  }
}
