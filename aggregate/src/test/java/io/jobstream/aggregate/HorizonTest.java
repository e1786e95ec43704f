package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HorizonTest {

  private static final LocalDate LATEST = LocalDate.parse("2026-11-30");

  @Test
  void rollingWindowsKeepTheGraceTheLongestWindowAndTheOneBefore() {
    Horizon horizon = new Horizon(WindowSpec.parseList("30d/1d"), 10);
    // oldest accepted 2026-11-20; the first window containing it starts 29 days earlier
    // (2026-10-22), and the window its trend compares with 30 days before that
    assertThat(horizon.firstNeeded(LATEST)).isEqualTo(LocalDate.parse("2026-09-22"));
    assertThat(horizon.daysKept(LATEST)).isEqualTo(70);
  }

  @Test
  void calendarWindowsGoBackToTheStartOfThePreviousPeriod() {
    Horizon horizon = new Horizon(WindowSpec.parseList("30d/1d,month,year"), 0);
    // the year of 2026-11-30 starts 2026-01-01, the year before it 2025-01-01
    assertThat(horizon.firstNeeded(LATEST)).isEqualTo(LocalDate.parse("2025-01-01"));
    assertThat(new Horizon(WindowSpec.parseList("quarter"), 0).firstNeeded(LATEST))
        .isEqualTo(LocalDate.parse("2026-07-01"));
  }

  @Test
  void theGraceMovesTheHorizonBackByItsDays() {
    Horizon backfills = new Horizon(WindowSpec.parseList("year"), 3650);
    // 2016-12-02 is accepted; its year 2016 and the year before
    assertThat(backfills.firstNeeded(LATEST)).isEqualTo(LocalDate.parse("2015-01-01"));
  }
}
