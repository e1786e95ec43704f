package io.jobstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DivergenceKeyTest {

  private static final DivergenceKey KEY =
      new DivergenceKey("ml_engineer", "software_engineer", "30d/1d", LocalDate.of(2026, 3, 1), "all", "DE");

  @Test
  void formatIsTheTopicsKeyByteForByte() {
    assertThat(KEY.format()).isEqualTo("ml_engineer|software_engineer|30d/1d|2026-03-01|all|DE");
    assertThat(new DivergenceKey("a", "b", "90d/7d", LocalDate.of(2025, 1, 6), "senior", "all").format())
        .isEqualTo("a|b|90d/7d|2025-01-06|senior|all");
  }

  @Test
  void parseReadsWhatFormatWrote() {
    assertThat(DivergenceKey.parse(KEY.format())).isEqualTo(KEY);
    assertThat(DivergenceKey.parse("a|b|90d/7d|2025-01-06|senior|all").format())
        .isEqualTo("a|b|90d/7d|2025-01-06|senior|all");
  }

  @Test
  void fieldsFollowTheirNames() {
    assertThat(DivergenceKey.FIELDS).containsExactly("a", "b", "window", "start", "seniority", "country");
    assertThat(KEY.fields()).containsExactly("ml_engineer", "software_engineer", "30d/1d", "2026-03-01", "all", "DE");
  }

  @Test
  void unreadableKeysAreNamedInTheError() {
    assertThatThrownBy(() -> DivergenceKey.parse("a|b|30d/1d|2026-03-01|all"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a|b|30d/1d|2026-03-01|all");
    assertThatThrownBy(() -> DivergenceKey.parse("a|b|30d/1d|2026-03-01|all|DE|x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 6");
    assertThatThrownBy(() -> DivergenceKey.parse("a|b|30d/1d|01.03.2026|all|DE"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an ISO date");
  }
}
