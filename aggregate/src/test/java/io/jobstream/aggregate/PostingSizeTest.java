package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.classify.PostingEnricher;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The classify stage never produces a classified posting larger than its topic takes. */
class PostingSizeTest {

  private static byte[] posting(String title, String company, String url, String description) {
    return ("{\"schemaVersion\":1,\"source\":\"kcat\",\"postingId\":\"p\",\"title\":\"" + title + "\",\"company\":\""
        + company + "\"" + (url == null ? "" : ",\"url\":\"" + url + "\"") + ",\"datePosted\":\"2024-05-01\","
        + "\"description\":\"" + description + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aPostingWhoseClassifiedRecordWouldNotFitIsTooLarge() {
    PostingClassifier classifier = new PostingClassifier(new PostingEnricher(), 3000);
    ClassifyOutcome big = classifier.classify("p", posting("Data Scientist " + "y".repeat(980), "C".repeat(990),
        "https://jobs.example/" + "z".repeat(3_000), "Train models."), "raw/0@1");
    assertThat(big.isClassified()).isFalse();
    assertThat(big.deadLetter().reason()).isEqualTo("too_large");
    assertThat(big.deadLetter().detail()).contains("more than the 3,000 its topic takes");
    ClassifyOutcome small = classifier.classify("q", posting("Data Engineer", "Acme", null, "Pipelines."), "raw/0@2");
    assertThat(small.isClassified()).isTrue();
  }

  @Test
  void aHugeDescriptionMakesASmallClassifiedPosting() {
    PostingClassifier classifier = new PostingClassifier(new PostingEnricher(), 3000);
    ClassifyOutcome out = classifier.classify("p", posting("Data Scientist", "Acme", null,
        "Train models. ".repeat(68_000)), "raw/0@1");
    assertThat(out.isClassified()).as(String.valueOf(out.deadLetter())).isTrue();
  }

  @Test
  void titlesCompaniesAndUrlsLongerThanAClassifiedPostingCarriesAreTooLarge() {
    PostingClassifier classifier = new PostingClassifier();
    assertThat(classifier.classify("p", posting("T".repeat(1_001), "Acme", null, "x"), "o").deadLetter().detail())
        .contains("a title of 1001 characters");
    assertThat(classifier.classify("p", posting("Data Scientist", "C".repeat(1_001), null, "x"), "o").deadLetter()
        .detail()).contains("a company of 1001 characters");
    assertThat(classifier.classify("p", posting("Data Scientist", "Acme", "u".repeat(4_001), "x"), "o").deadLetter()
        .detail()).contains("a URL of 4001 characters");
  }
}
