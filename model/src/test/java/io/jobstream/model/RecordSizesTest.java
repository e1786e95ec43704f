package io.jobstream.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RecordSizesTest {

  private static final JsonSerde<RawPosting> SERDE = JsonSerde.of(RawPosting.class);

  private static RawPosting posting(String title, String description, String html) {
    return new RawPosting(1, "csv", "1", "csv:f:1", null, title, "Acme", null, null, null,
        LocalDate.of(2024, 5, 1), null, description, html, null, Instant.parse("2024-05-01T00:00:00Z"), "fp");
  }

  @Test
  void aPostingWithinItsBudgetIsLeftAsItIs() {
    RawPosting p = posting("Data Scientist", "Build models.", "<p>Build models.</p>");
    RecordSizes.Fit fit = RecordSizes.fit(p, RecordSizes.RAW_POSTING_BYTES);
    assertThat(fit.outcome()).isEqualTo(RecordSizes.Outcome.FITS);
    assertThat(fit.posting()).isSameAs(p);
    assertThat(new String(SERDE.write(p))).doesNotContain("truncated");
  }

  @Test
  void theHtmlGoesFirstWhenThePlainDescriptionIsThere() {
    RawPosting p = posting("Data Scientist", "Build models. ".repeat(1000), "<p>" + "x".repeat(600_000) + "</p>");
    RecordSizes.Fit fit = RecordSizes.fit(p, RecordSizes.RAW_POSTING_BYTES);
    assertThat(fit.outcome()).isEqualTo(RecordSizes.Outcome.TRUNCATED);
    assertThat(fit.posting().descriptionHtml()).isNull();
    assertThat(fit.posting().description()).isEqualTo(p.description());
    assertThat(fit.posting().truncated()).isTrue();
    assertThat(fit.posting().fingerprint()).isEqualTo("fp");
    assertThat(fit.bytesAfter()).isEqualTo(SERDE.write(fit.posting()).length).isLessThanOrEqualTo(RecordSizes.RAW_POSTING_BYTES);
  }

  @Test
  void aLongDescriptionIsCutToItsLimitOnACharacterBoundary() {
    // 1.5 M characters, each an emoji (a surrogate pair): cut to at most 100,000 characters, then to the budget
    String description = "\uD83D\uDE00".repeat(750_000);
    RecordSizes.Fit fit = RecordSizes.fit(posting("ML Engineer", description, null), RecordSizes.RAW_POSTING_BYTES);
    assertThat(fit.outcome()).isEqualTo(RecordSizes.Outcome.TRUNCATED);
    String kept = fit.posting().description();
    assertThat(kept.length()).isLessThanOrEqualTo(RecordSizes.DESCRIPTION_CHARS).isPositive();
    assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
    assertThat(SERDE.write(fit.posting()).length).isLessThanOrEqualTo(RecordSizes.RAW_POSTING_BYTES);
    assertThat(SERDE.read(SERDE.write(fit.posting())).truncated()).isTrue();
  }

  @Test
  void escapedCharactersStillEndWithinTheBudget() {
    // control characters are written as six bytes each (\\u0001)
    String description = "\u0001".repeat(200_000);
    RecordSizes.Fit fit = RecordSizes.fit(posting("ML Engineer", description, null), 100_000);
    assertThat(fit.outcome()).isEqualTo(RecordSizes.Outcome.TRUNCATED);
    assertThat(fit.bytesAfter()).isLessThanOrEqualTo(100_000);
  }

  @Test
  void aPostingThatCannotFitIsTooLarge() {
    RawPosting p = posting("T".repeat(2_000_000), "short", null);
    RecordSizes.Fit fit = RecordSizes.fit(p, RecordSizes.RAW_POSTING_BYTES);
    assertThat(fit.outcome()).isEqualTo(RecordSizes.Outcome.TOO_LARGE);
    assertThat(fit.bytesBefore()).isGreaterThan(2_000_000);
    assertThat(fit.posting()).isSameAs(p);
  }

  @Test
  void theBudgetFollowsTheClustersLimitsDownNeverUp() {
    assertThat(RecordSizes.budget(1_048_576, 1_048_588)).isEqualTo(RecordSizes.RAW_POSTING_BYTES);
    assertThat(RecordSizes.budget(10_000_000, 10_000_000)).isEqualTo(RecordSizes.RAW_POSTING_BYTES);
    assertThat(RecordSizes.budget(1_048_576, 200_000)).isEqualTo(200_000 - RecordSizes.FRAMING_BYTES);
  }

  @Test
  void deadLettersAreBounded() {
    DeadLetter d = DeadLetter.of("ingest", "too_large", "d".repeat(100_000), "o".repeat(100_000), "k".repeat(100_000),
        "x".repeat(3_000_000));
    assertThat(JsonSerde.of(DeadLetter.class).write(d).length).isLessThan(40_000);
  }
}
