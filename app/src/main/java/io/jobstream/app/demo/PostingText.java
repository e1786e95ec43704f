package io.jobstream.app.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Descriptions of generated postings, written from sentence templates of this project. A
 * description leans one way (its duties and requirements name machine-learning, software or
 * analytics skills, or a mix), and some are worded with masculine- or feminine-coded words, so
 * that the skill-emphasis and wording charts of the report have something to show.
 */
final class PostingText {

  /** Which skills a description's duties and requirements stress. */
  enum Lean { ML_HEAVY, SOFTWARE_HEAVY, BALANCED, ANALYTICS, GENERAL }

  /** Which words a description's culture paragraph uses. */
  enum Wording { NEUTRAL, MASCULINE, FEMININE }

  private static final List<String> ABOUT = List.of(
      "%s builds software that helps mid-sized retailers plan stock, staff and prices a season ahead.",
      "%s runs a platform that matches freight with carriers across three continents, moving millions of shipments a year.",
      "%s makes scheduling and billing tools for independent clinics, used by more than four thousand practices.",
      "%s is a consumer finance company offering savings accounts, small loans and budgeting tools through a mobile app.",
      "%s designs sensors and the software around them for farms that want to measure soil, water and yield.",
      "%s operates an online marketplace for second-hand furniture, connecting sellers, buyers and local movers.",
      "%s provides energy-usage analytics to utilities and large buildings, with a focus on demand forecasting.",
      "%s publishes learning apps for language and maths, with several million active learners each month.");

  private static final List<String> ML = List.of(
      "Train, evaluate and ship machine learning models that rank items for millions of users every day.",
      "Design features and training pipelines with PyTorch and scikit-learn, and own them in production.",
      "Build model evaluation suites that compare offline metrics with the results of online experiments.",
      "Fine-tune large language models for classification and extraction tasks on our own documents.",
      "Run model training at scale on GPU clusters and keep training costs predictable.",
      "Deploy models behind low-latency services and monitor them for drift with MLflow and our own dashboards.",
      "Work on recommender systems, from candidate generation with embeddings to the final ranking model.",
      "Prototype retrieval-augmented generation with a vector database and measure whether answers improve.",
      "Improve our computer vision models for reading labels and receipts in poor lighting.",
      "Apply deep learning and gradient boosting where each fits, and explain the choice to the team.",
      "Own hyperparameter tuning and feature engineering for the models behind pricing.",
      "Turn research prototypes into reliable model deployment with clear rollback paths.");

  private static final List<String> SOFTWARE = List.of(
      "Design, build and operate backend services in Java and Python that handle thousands of requests per second.",
      "Write clean, well-tested code and review the code of others with care.",
      "Build REST APIs and gRPC services used by our web and mobile clients.",
      "Run our services on Kubernetes and Docker, with infrastructure described in Terraform.",
      "Improve CI/CD so that every change reaches production safely within an hour.",
      "Take part in system design reviews for distributed systems that must stay up during peak season.",
      "Add observability to services you own: metrics, traces and alerts that point at the cause.",
      "Work in TypeScript and React on the internal tools our operations team uses all day.",
      "Profile and fix performance problems, from slow queries to memory pressure in the JVM.",
      "Share the on-call rotation for the services your team owns, with a sane escalation policy.",
      "Break a large legacy application into microservices step by step, without a big-bang rewrite.",
      "Use AWS or Google Cloud managed services where they save work, and know when they do not.");

  private static final List<String> DATA = List.of(
      "Build and maintain ETL pipelines in Apache Airflow and dbt that feed the data warehouse.",
      "Model data in Snowflake so that analysts and data scientists can answer questions without asking us.",
      "Stream events through Apache Kafka and process them with Apache Spark.",
      "Keep data quality high with tests, contracts and alerts on every important table.",
      "Write SQL that others can read, and help them write theirs.",
      "Move batch processing jobs to stream processing where freshness matters to the business.");

  private static final List<String> ANALYTICS = List.of(
      "Analyse product usage with SQL and Python and turn the results into clear recommendations.",
      "Design and read A/B tests with product managers, including the ones that show no effect.",
      "Build dashboards in Tableau and Power BI that leaders actually use in their weekly reviews.",
      "Define KPIs with finance and operations and keep their definitions consistent across reports.",
      "Run regression analysis and time series analysis on sales data to explain seasonal swings.",
      "Present findings to stakeholders through storytelling with data rather than tables of numbers.",
      "Own forecasting of demand for the next two quarters and explain where the forecast can be wrong.",
      "Do exploratory data analysis on new data sources before anyone builds on them.",
      "Segment customers and study churn with the marketing team.",
      "Apply statistical modeling and causal inference to questions where experiments are not possible.");

  private static final List<String> GENERAL = List.of(
      "Coordinate with colleagues across several sites to keep schedules and commitments on track.",
      "Keep accurate records and prepare weekly summaries for your manager.",
      "Answer questions from customers and partners by phone and email within one working day.",
      "Plan your own week and flag problems early.",
      "Help new colleagues find their way during their first weeks.",
      "Follow our safety, privacy and quality procedures and suggest improvements to them.",
      "Work with the team lead on monthly goals and review progress together.");

  private static final List<String> REQUIRE_ML = List.of(
      "Experience with machine learning in production, not only in notebooks.",
      "Strong Python and a working knowledge of PyTorch or TensorFlow.",
      "Understanding of model evaluation, overfitting and data leakage.",
      "Familiarity with natural language processing or computer vision is a plus.",
      "Experience with MLOps tooling such as MLflow, Kubeflow or SageMaker.");

  private static final List<String> REQUIRE_SOFTWARE = List.of(
      "Several years of software engineering in Java, Go, Python or a similar language.",
      "Solid grasp of data structures, concurrency and system design.",
      "Experience with unit testing and integration testing as part of daily work.",
      "Comfort with Linux, Git and containerised deployments.",
      "Experience running services on a public cloud.");

  private static final List<String> REQUIRE_ANALYTICS = List.of(
      "Fluent SQL and experience with Python or R for data analysis.",
      "A good grounding in statistics and hypothesis testing.",
      "Experience with a business intelligence tool such as Tableau, Looker or Power BI.",
      "The ability to explain results to people without a technical background.",
      "Experience with experimental design in a product setting.");

  private static final List<String> REQUIRE_GENERAL = List.of(
      "Previous experience in a similar role.",
      "Good written and spoken communication.",
      "Confidence with common office software.",
      "A valid licence or certification where the role requires one.");

  private static final List<String> NEUTRAL = List.of(
      "We plan our work in two-week cycles and review what went well and what did not.",
      "Our teams are small, and each owns a clear part of the product from idea to operation.",
      "We write things down: decisions, designs and the reasons behind them.");

  // words from the gender-coded word lists the classifier scores (Gaucher, Friesen and Kay, 2011)
  private static final List<String> MASCULINE = List.of(
      "We want driven, competitive and decisive people who lead from the front and thrive on a challenge.",
      "You are confident, independent and determined, and you assert your opinion when the stakes are high.",
      "Our culture is ambitious and fast: self-reliant individuals who take the lead and force decisions win here.");

  private static final List<String> FEMININE = List.of(
      "We are a supportive, collaborative team that shares knowledge and cares about each other's growth.",
      "We value people who are understanding, considerate and committed to building trust with colleagues.",
      "Our culture is inclusive and warm: we work together, listen with empathy and share responsibility.");

  private static final List<String> TEAM = List.of(
      "The team is eight people across two time zones, with a product manager and a designer of its own.",
      "You will report to an engineering manager who spends one afternoon a week pairing with the team.",
      "Most of the team joined in the last two years, and several of them moved here from other departments.",
      "The team meets customers every month, so what we build is tested against real work early.",
      "We keep meetings to a minimum and protect two mornings a week for focused work.",
      "New joiners get a mentor and a written plan for their first ninety days.");

  private static final List<String> HIRING = List.of(
      "Our process has four steps: a call with a recruiter, a conversation about your past work, a practical"
          + " exercise of no more than three hours, and a meeting with the people you would work with.",
      "We reply to every application within two weeks, and we give feedback after every interview.",
      "If you need adjustments during the process, tell your recruiter and we will arrange them.",
      "We do not ask for a cover letter; a few lines about why the role interests you are enough.");

  private static final List<String> BENEFITS = List.of(
      "Health, dental and vision cover from your first day.",
      "Twenty-five days of paid leave plus public holidays.",
      "A yearly learning budget for courses, books and conferences.",
      "Flexible hours and a hybrid setup with two office days a week.",
      "A pension or retirement plan with an employer match.",
      "Paid parental leave for every parent.");

  private PostingText() {}

  static Lean lean(MarketRole role, Random random) {
    if (role.isOther()) {
      return Lean.GENERAL;
    }
    double roll = random.nextDouble();
    double[] weights = role.leans();
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return Lean.values()[i];
      }
    }
    return Lean.BALANCED;
  }

  static Wording wording(Random random) {
    double roll = random.nextDouble();
    return roll < 0.2 ? Wording.MASCULINE : roll < 0.4 ? Wording.FEMININE : Wording.NEUTRAL;
  }

  /**
   * A description of a few KB. {@code payText} (or null) is a sentence about pay that the
   * posting gives only in its text; {@code reference} makes each posting's text its own, as
   * real postings' texts are.
   */
  static String describe(Random random, String title, String company, String place, boolean remote, Lean lean,
      Wording wording, String payText, String reference) {
    StringBuilder text = new StringBuilder(3072);
    text.append(String.format(pick(ABOUT, random), company)).append("\n\n");
    text.append("We are hiring ").append(article(title)).append(' ').append(title).append(" in ").append(place)
        .append(remote ? ", with the option to work remotely." : ".").append(' ')
        .append(mission(lean)).append("\n\n");
    text.append("What you will do:\n");
    for (String duty : duties(lean, random)) {
      text.append("- ").append(duty).append('\n');
    }
    text.append('\n').append(String.join(" ", some(TEAM, 2, random))).append('\n');
    text.append("\nWhat you bring:\n");
    for (String need : requirements(lean, random)) {
      text.append("- ").append(need).append('\n');
    }
    List<String> culture = switch (wording) {
      case MASCULINE -> concat(some(NEUTRAL, 1, random), some(MASCULINE, 2, random));
      case FEMININE -> concat(some(NEUTRAL, 1, random), some(FEMININE, 2, random));
      case NEUTRAL -> some(NEUTRAL, 2, random);
    };
    text.append('\n').append(String.join(" ", culture));
    text.append("\n\nWhat we offer:\n");
    for (String benefit : some(BENEFITS, 3, random)) {
      text.append("- ").append(benefit).append('\n');
    }
    text.append('\n').append(pick(HIRING, random)).append('\n');
    if (payText != null) {
      text.append('\n').append(payText).append('\n');
    }
    text.append('\n').append(company).append(" is an equal opportunity employer and considers every"
        + " qualified applicant without regard to race, religion, sex, sexual orientation, gender identity,"
        + " national origin, age or disability. Reference ").append(reference).append('.');
    return text.toString();
  }

  private static String article(String title) {
    return "AEIOU".indexOf(Character.toUpperCase(title.charAt(0))) >= 0 ? "an" : "a";
  }

  private static String mission(Lean lean) {
    return switch (lean) {
      case ML_HEAVY -> "You will take models from an idea to a service people rely on, and measure whether they help.";
      case SOFTWARE_HEAVY -> "You will build and run the systems the rest of the company depends on.";
      case BALANCED -> "You will sit between data, models and production software, and make them work together.";
      case ANALYTICS -> "You will turn data into decisions, working closely with product, finance and operations.";
      case GENERAL -> "You will join a friendly team that keeps the business running day to day.";
    };
  }

  private static List<String> duties(Lean lean, Random random) {
    List<String> out = new ArrayList<>();
    switch (lean) {
      case ML_HEAVY -> {
        out.addAll(some(ML, 5, random));
        out.addAll(some(SOFTWARE, 1, random));
      }
      case SOFTWARE_HEAVY -> {
        out.addAll(some(SOFTWARE, 5, random));
        out.addAll(some(DATA, 1, random));
      }
      case BALANCED -> {
        out.addAll(some(ML, 2, random));
        out.addAll(some(SOFTWARE, 2, random));
        out.addAll(some(DATA, 2, random));
      }
      case ANALYTICS -> {
        out.addAll(some(ANALYTICS, 5, random));
        out.addAll(some(DATA, 1, random));
      }
      case GENERAL -> out.addAll(some(GENERAL, 5, random));
    }
    return out;
  }

  private static List<String> requirements(Lean lean, Random random) {
    return switch (lean) {
      case ML_HEAVY -> concat(some(REQUIRE_ML, 4, random), some(REQUIRE_SOFTWARE, 1, random));
      case SOFTWARE_HEAVY -> some(REQUIRE_SOFTWARE, 4, random);
      case BALANCED -> concat(some(REQUIRE_ML, 2, random), some(REQUIRE_SOFTWARE, 2, random));
      case ANALYTICS -> concat(some(REQUIRE_ANALYTICS, 4, random), some(REQUIRE_ML, 1, random));
      case GENERAL -> some(REQUIRE_GENERAL, 3, random);
    };
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String pick(List<String> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  /** {@code n} different entries in a random order. */
  private static List<String> some(List<String> list, int n, Random random) {
    List<String> copy = new ArrayList<>(list);
    Collections.shuffle(copy, random);
    return copy.subList(0, Math.min(n, copy.size()));
  }
}
