package io.jobstream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.classify.skills.Skill;
import io.jobstream.classify.skills.SkillDictionary;
import io.jobstream.classify.text.TokenSpans;
import io.jobstream.classify.wording.GenderCoder;
import io.jobstream.classify.wording.GenderCoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillsAndWordingTest {

  private static final SkillDictionary SKILLS = SkillDictionary.builtIn();
  private final PostingEnricher enricher = new PostingEnricher();

  private static String description(String name) throws IOException {
    try (InputStream in = SkillsAndWordingTest.class.getResourceAsStream("/descriptions/" + name + ".txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Set<String> skillsIn(String text) {
    return SKILLS.find(TokenSpans.of(text)).stream().map(Skill::name).collect(Collectors.toSet());
  }

  @Test
  void dictionaryHasOverTwoHundredTaggedSkills() {
    List<Skill> all = SKILLS.skills();
    assertThat(all).hasSizeGreaterThanOrEqualTo(200);
    assertThat(all.stream().map(Skill::tag).distinct()).containsExactlyInAnyOrderElementsOf(SkillDictionary.TAGS);
    assertThat(all.stream().map(Skill::name).distinct().count()).isEqualTo(all.size());
  }

  @Test
  void matchesNamesAndAliasesOnWordBoundariesIgnoringCase() {
    assertThat(skillsIn("Experience with Scikit-Learn, sklearn and PYTORCH; CI/CD with GitHub Actions; git"))
        .contains("scikit-learn", "PyTorch", "CI/CD", "Git", "Jenkins");
    assertThat(skillsIn("Strong JavaScript; node.js a plus; A/B testing and causal inference"))
        .contains("JavaScript", "Node.js", "A/B testing", "Causal inference")
        .doesNotContain("Java");
    assertThat(skillsIn("You will meet the rest of the team and excel in a fast-paced spring launch"))
        .isEmpty();
    assertThat(skillsIn("Python, R and SQL; R&D experience")).contains("Python", "R", "SQL");
    assertThat(skillsIn("C++ and C# on .NET core")).contains("C++", "C#", ".NET framework");
  }

  /** The ads in /descriptions/ are the project's own; their README says what each one asks for. */
  private Enrichment enrichAd(String file) throws IOException {
    String text = description(file);
    String title = text.substring(0, text.indexOf('\n'));
    return enricher.enrich(title, text.substring(title.length() + 1), null, null, null, null);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "ml-research-scientist-ranking, ml_heavy",
      "lead-data-scientist-materials, ml_heavy",
      "data-scientist-credit-risk, ml_heavy",
      "ai-engineer-intern-assistant, ml_heavy",
      "data-science-software-engineer, balanced",
      "frontend-engineer, software_heavy",
      "backend-engineer-payments, software_heavy",
      "senior-java-developer, software_heavy",
      "data-platform-engineer, software_heavy",
  })
  void emphasisOfWrittenAds(String file, String label) throws IOException {
    Enrichment e = enrichAd(file);
    assertThat(e.emphasis()).as(e.skills().toString()).isNotNull();
    assertThat(e.emphasis().label()).as(e.skills().toString()).isEqualTo(label);
  }

  /** Skills each ad plainly asks for, some of them named only by an alias ("k8s"-style). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ml-research-scientist-ranking | Information retrieval, Deep learning, PyTorch, Embeddings, Experimental design",
      "lead-data-scientist-materials | Bayesian statistics, Gradient boosting, Explainable AI, Mixed models, scikit-learn",
      "data-scientist-credit-risk | XGBoost, LightGBM, Survival analysis, Regression analysis, SQL",
      "ai-engineer-intern-assistant | Large language models, Retrieval-augmented generation, Fine-tuning, Jupyter",
      "data-science-software-engineer | Anomaly detection, Forecasting models, Apache Kafka, Kubernetes, MLflow",
      "frontend-engineer | React, TypeScript, Frontend development, Unit testing, Code review",
      "backend-engineer-payments | Apache Kafka, Ruby, PostgreSQL, Observability, Jenkins",
      "senior-java-developer | Java, Spring Boot, Microservices, Concurrency, Terraform",
      "data-platform-engineer | Apache Airflow, dbt, Snowflake, Data governance, Terraform",
  })
  void skillsOfWrittenAds(String file, String skills) throws IOException {
    assertThat(enrichAd(file).skills()).containsAll(List.of(skills.split(", ")));
  }

  @Test
  void wordingOfWrittenAds() throws IOException {
    GenderCoding warm = enrichAd("frontend-engineer").genderCoding();
    assertThat(warm.label()).isEqualTo("strongly_feminine");
    assertThat(warm.feminineWords()).contains("supportive", "collaborative", "warmth");
    assertThat(warm.masculine()).isZero();
    GenderCoding plain = enrichAd("backend-engineer-payments").genderCoding();
    assertThat(plain.label()).isEqualTo("neutral");
  }

  @Test
  void knownFalseHitsAreNotCounted() {
    GenderCoding coding = new GenderCoder().code(TokenSpans.of(
        "Responsibilities: data-driven analytics for the Air Force. Competitive salary and "
        + "dependent care. Qualified individuals with disabilities are encouraged to apply. "
        + "Report to the steering committee."));
    assertThat(coding.masculine()).as(coding.masculineWords().toString()).isZero();
    assertThat(coding.feminine()).as(coding.feminineWords().toString()).isZero();
    GenderCoding real = new GenderCoder().code(TokenSpans.of(
        "A driven, competitive self-starter who takes responsibility... and a responsible, supportive colleague."));
    assertThat(real.masculineWords()).containsExactly("driven", "competitive");
    assertThat(real.feminineWords()).containsExactly("responsible", "supportive");
    assertThat(real.label()).isEqualTo("neutral");
  }

  @Test
  void genderCodedWordingOfAHandCountedSentence() {
    GenderCoding coding = new GenderCoder().code(TokenSpans.of(
        "We want a competitive, confident leader who will support and nurture a kind team."));
    // masculine: competitive, confident, leader; feminine: support, nurture, kind
    assertThat(coding.masculine()).isEqualTo(3);
    assertThat(coding.feminine()).isEqualTo(3);
    assertThat(coding.score()).isZero();
    assertThat(coding.label()).isEqualTo("neutral");
    GenderCoding masculine = new GenderCoder().code(TokenSpans.of("Aggressive, ambitious, driven, dominant; collaborative."));
    assertThat(masculine.score()).isEqualTo(0.6); // (4 - 1) / 5
    assertThat(masculine.label()).isEqualTo("strongly_masculine");
    assertThat(masculine.masculineWords()).containsExactly("aggressive", "ambitious", "driven", "dominant");
    assertThat(new GenderCoder().code(TokenSpans.of("kindly note: the kindergarten")).feminine()).isZero();
    GenderCoding somewhat = new GenderCoder().code(TokenSpans.of("A confident analyst; we support you."));
    assertThat(somewhat.label()).isEqualTo("neutral"); // "analyst" is a field name, not coding
    assertThat(new GenderCoder().code(TokenSpans.of("")).label()).isEqualTo("neutral");
  }
}
