package io.jobstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatsKeyTest {

  private static final StatsKey KEY =
      new StatsKey("30d/1d", LocalDate.of(2026, 3, 1), "ml_engineer", "senior", "DE", "all");

  @Test
  void formatIsTheTopicsKeyByteForByte() {
    assertThat(KEY.format()).isEqualTo("30d/1d|2026-03-01|ml_engineer|senior|DE|all");
    assertThat(new StatsKey("7d/7d", LocalDate.of(2025, 12, 29), "data_scientist", "all", "all", "unknown").format())
        .isEqualTo("7d/7d|2025-12-29|data_scientist|all|all|unknown");
  }

  @Test
  void parseReadsWhatFormatWrote() {
    assertThat(StatsKey.parse(KEY.format())).isEqualTo(KEY);
    assertThat(StatsKey.parse("30d/1d|2026-01-10|data_scientist|all|all|all").format())
        .isEqualTo("30d/1d|2026-01-10|data_scientist|all|all|all");
  }

  @Test
  void fieldsFollowTheirNames() {
    assertThat(StatsKey.FIELDS).containsExactly("window", "start", "family", "seniority", "country", "remote");
    assertThat(KEY.fields()).containsExactly("30d/1d", "2026-03-01", "ml_engineer", "senior", "DE", "all");
    assertThat(String.join("|", KEY.fields())).isEqualTo(KEY.format());
  }

  @Test
  void theRecordsKeyIsTheStatsKey() {
    SalaryStats stats = new SalaryStats(SalaryStats.SCHEMA_VERSION, "ml_engineer", "senior", "DE", "all", "30d/1d",
        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 3, 0, 0, "EUR", null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);
    assertThat(stats.key()).isEqualTo("30d/1d|2026-03-01|ml_engineer|senior|DE|all");
    assertThat(stats.statsKey()).isEqualTo(KEY);
  }

  @Test
  void unreadableKeysAreNamedInTheError() {
    assertThatThrownBy(() -> StatsKey.parse("30d/1d|2026-03-01|ml_engineer|senior|DE"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30d/1d|2026-03-01|ml_engineer|senior|DE");
    assertThatThrownBy(() -> StatsKey.parse("30d/1d|2026-03-01|ml_engineer|senior|DE|all|x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 6");
    assertThatThrownBy(() -> StatsKey.parse("30d/1d|March|ml_engineer|senior|DE|all"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'March' is not an ISO date");
    assertThatThrownBy(() -> StatsKey.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFieldWithTheSeparatorCannotMakeAKey() {
    assertThatThrownBy(() -> new StatsKey("30d/1d", LocalDate.of(2026, 3, 1), "ml|engineer", "all", "all", "all"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ml|engineer");
  }
}
