package io.jobstream.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobstream.http.HttpError;
import io.jobstream.report.page.FamilyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivePageRequestTest {

  private static final List<String> WINDOWS = List.of("year", "30d/1d");
  private static final List<FamilyPair> DEFAULT = List.of(FamilyPair.ML_ENGINEER_DATA_SCIENTIST);
  private static final List<FamilyPair> CONFIGURED = List.of(FamilyPair.ML_ENGINEER_DATA_SCIENTIST,
      new FamilyPair("ai_engineer", "ml_engineer"), new FamilyPair("data_engineer", "data_analyst"));

  private static LivePage.Request parse(String query) {
    return LivePage.Request.parse(query, WINDOWS, CONFIGURED, DEFAULT);
  }

  @Test
  void withoutAQueryThePageShowsTheFirstWindowAndTheDefaultPair() {
    LivePage.Request r = parse(null);
    assertThat(r.window()).isEqualTo("year");
    assertThat(r.pairs()).isEqualTo(DEFAULT);
  }

  @Test
  void aConfiguredWindowAndRepeatedPairsAreTakenEachOnce() {
    LivePage.Request r = parse("window=30d%2F1d&pair=data_engineer:data_analyst&pair=ai_engineer:ml_engineer"
        + "&pair=data_engineer:data_analyst");
    assertThat(r.window()).isEqualTo("30d/1d");
    assertThat(r.pairs()).containsExactly(new FamilyPair("data_engineer", "data_analyst"),
        new FamilyPair("ai_engineer", "ml_engineer"));
  }

  @Test
  void aWindowNotConfiguredOrABadOrUnknownPairIsRefusedWithTheReason() {
    assertThatThrownBy(() -> parse("window=month")).isInstanceOf(HttpError.class)
        .hasMessageContaining("window 'month' is not configured; configured: year, 30d/1d");
    assertThatThrownBy(() -> parse("pair=ml_engineer")).hasMessageContaining("A:B");
    assertThatThrownBy(() -> parse("pair=foo:bar")).hasMessageContaining("pair 'foo:bar' is not configured");
    assertThatThrownBy(() -> parse("pair=%3Cscript%3E:x")).hasMessageNotContaining("<");
    assertThatThrownBy(() -> parse("window=year&window=year")).hasMessageContaining("more than once");
    assertThatThrownBy(() -> parse("x=1")).hasMessageContaining("unknown query parameter 'x'");
  }
}
