package io.jobstream.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobstream.report.page.FamilyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivePageRequestTest {

  private static final List<String> WINDOWS = List.of("year", "30d/1d");
  private static final List<FamilyPair> DEFAULT = List.of(FamilyPair.ML_ENGINEER_DATA_SCIENTIST);

  @Test
  void withoutAQueryThePageShowsTheFirstWindowAndTheDefaultPair() {
    LivePage.Request r = LivePage.Request.parse(null, WINDOWS, DEFAULT);
    assertThat(r.window()).isEqualTo("year");
    assertThat(r.pairs()).isEqualTo(DEFAULT);
  }

  @Test
  void aConfiguredWindowAndRepeatedPairsAreTaken() {
    LivePage.Request r = LivePage.Request.parse("window=30d%2F1d&pair=data_engineer:data_analyst&pair=ai_engineer:ml_engineer&x",
        WINDOWS, DEFAULT);
    assertThat(r.window()).isEqualTo("30d/1d");
    assertThat(r.pairs()).containsExactly(new FamilyPair("data_engineer", "data_analyst"),
        new FamilyPair("ai_engineer", "ml_engineer"));
  }

  @Test
  void aWindowNotConfiguredOrABadPairIsRefusedWithTheReason() {
    assertThatThrownBy(() -> LivePage.Request.parse("window=month", WINDOWS, DEFAULT))
        .hasMessageContaining("window month is not configured (windows: [year, 30d/1d])");
    assertThatThrownBy(() -> LivePage.Request.parse("pair=ml_engineer", WINDOWS, DEFAULT))
        .hasMessageContaining("A:B");
  }
}
