package io.jobstream.classify.emphasis;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.classify.text.TokenSpans;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmphasisScorerTest {

  private final EmphasisScorer scorer = new EmphasisScorer();

  private Emphasis score(String title, String... lines) {
    return scorer.score(title, TokenSpans.of(String.join("\n", lines)));
  }

  private static double points(Emphasis e, String side, String phrase) {
    return e.evidence().stream().filter(ev -> ev.side().equals(side) && ev.phrase().equals(phrase))
        .mapToDouble(Emphasis.Evidence::weight).sum();
  }

  @Test
  void generalToolsAreNoEvidenceOfSoftwareDepth() {
    Emphasis e = score("Data Scientist",
        "Responsibilities",
        "- Develop and validate predictive models of customer churn.",
        "- Design and analyze experiments to measure the effect of price changes.",
        "Requirements",
        "- MS in Statistics or a related field.",
        "- 3+ years of experience in statistical modeling.",
        "- Python, SQL, Spark, Git, Docker, Linux, AWS and Jupyter notebooks.");
    assertThat(e.label()).isEqualTo(Emphasis.ML_HEAVY);
    assertThat(e.software()).isLessThanOrEqualTo(1.0); // Docker is the only tool with a lean
    assertThat(e.evidence()).extracting(Emphasis.Evidence::phrase)
        .contains("develop and validate predictive models", "3+ years of experience in statistical modeling");
  }

  @Test
  void analyticsWithSqlAndBiToolsIsNeither() {
    Emphasis e = score("Data Analyst",
        "What you will do",
        "- Build Tableau dashboards and automate weekly reporting for the sales team.",
        "- Write SQL queries to answer ad hoc questions and present actionable insights to stakeholders.",
        "What we are looking for",
        "- 2+ years of experience in business intelligence or reporting.",
        "- Advanced SQL and Excel.");
    assertThat(e.label()).isEqualTo(Emphasis.NEITHER);
    assertThat(e.neither()).isGreaterThan(10);
  }

  @Test
  void productionEngineeringIsSoftwareDepth() {
    Emphasis e = score("Backend Engineer",
        "Responsibilities",
        "- Design, build and operate distributed services and REST APIs.",
        "- Write unit and integration tests, review code and maintain our CI/CD pipelines.",
        "- Take part in the on-call rotation.",
        "Requirements",
        "- 5+ years of software engineering experience.");
    assertThat(e.label()).isEqualTo(Emphasis.SOFTWARE_HEAVY);
    assertThat(e.score()).isEqualTo(-1.0);
    assertThat(points(e, "software", "5+ years of software engineering")).isEqualTo(3.0);
  }

  @Test
  void bothHalvesSubstantiallyIsBalanced() {
    Emphasis e = score("Machine Learning Engineer",
        "What you will do",
        "- Train and evaluate ranking models and design offline evaluation.",
        "- Design and analyze A/B tests of new models.",
        "- Build and operate the low-latency ranking service, with its tests, monitoring and on-call.",
        "- Build the training pipelines and the CI/CD for model deployment.");
    assertThat(e.label()).isEqualTo(Emphasis.BALANCED);
  }

  @Test
  void workGivenToAnotherTeamIsNotTheJobs() {
    Emphasis owned = score(null, "Deployment and serving of models are owned by the platform team.");
    assertThat(owned.software()).isZero();
    Emphasis ours = score(null, "You will own deployment and serving of models.");
    assertThat(ours.software()).isPositive();
    Emphasis notExpected = score(null, "You are not expected to build distributed systems.");
    assertThat(notExpected.software()).isZero();
  }

  @Test
  void whereAPhraseIsSaidSetsItsWeight() {
    String phrase = "Experience with distributed systems.";
    double required = score(null, "Requirements", phrase).software();
    double preferred = score(null, "Preferred qualifications", phrase).software();
    double inline = score(null, "Requirements", "Experience with distributed systems is a plus.").software();
    double company = score(null, "About us", "We run distributed systems.").software();
    double benefits = score(null, "Benefits", "Distributed systems training budget.").software();
    assertThat(required).isEqualTo(2.0);
    assertThat(preferred).isEqualTo(1.0);
    assertThat(inline).isEqualTo(1.0);
    assertThat(company).isEqualTo(0.5);
    assertThat(benefits).isZero();
    assertThat(score(null, "We are an equal opportunity employer and value distributed systems.").software()).isZero();
  }

  @Test
  void repeatsCountAtMostTwice() {
    Emphasis once = score(null, "Requirements", "Distributed systems.");
    Emphasis many = score(null, "Requirements", "Distributed systems. Distributed systems. Distributed systems. Distributed systems.");
    assertThat(many.software()).isEqualTo(EmphasisScorer.RULE_CAP * once.software());
  }

  @Test
  void littleEvidenceIsNeither() {
    Emphasis e = score("Coordinator", "Join our friendly team in a great location.");
    assertThat(e.label()).isEqualTo(Emphasis.NEITHER);
    assertThat(e.score()).isZero();
    Emphasis empty = scorer.score(null, TokenSpans.of(""));
    assertThat(empty.label()).isEqualTo(Emphasis.NEITHER);
    assertThat(empty.evidence()).isEmpty();
  }

  @Test
  void evidenceIsAFewPhrasesPerSideHeaviestFirst() {
    Emphasis e = score("Data Scientist",
        "Requirements",
        "- Build machine learning models. Statistical modeling. Causal inference. Deep learning.",
        "- Hyperparameter tuning. Feature engineering. PhD in statistics.",
        "- REST APIs.");
    List<Emphasis.Evidence> ml = e.evidence().stream().filter(ev -> ev.side().equals("ml")).toList();
    assertThat(ml).hasSize(EmphasisScorer.EVIDENCE_PER_SIDE);
    assertThat(ml.get(0).weight()).isGreaterThanOrEqualTo(ml.get(ml.size() - 1).weight());
    assertThat(ml.get(0).section()).isEqualTo("requirements");
    assertThat(e.evidence()).anyMatch(ev -> ev.side().equals("software") && ev.phrase().equals("rest apis"));
  }
}
