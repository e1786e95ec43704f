package io.jobstream.aggregate.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class LatestDayTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-10");

  /** A horizon ten days before the latest day. */
  private static LatestDay latestDay() {
    return new LatestDay(day -> day.minusDays(10));
  }

  @Test
  void theLatestDayOnlyMovesForwardAndSetsTheHorizon() {
    KeyValueStore<String, String> own = TestStores.strings("latest");
    LatestDay latest = latestDay();
    latest.restore(own, TestStores.strings("changed"));
    assertThat(latest.latest()).isNull();
    assertThat(latest.beforeHorizon(DAY.minusYears(5))).as("no horizon before the first count").isFalse();
    latest.counted(DAY);
    latest.counted(DAY.minusDays(3));
    assertThat(latest.latest()).isEqualTo(DAY);
    assertThat(latest.firstKept()).isEqualTo(DAY.minusDays(10));
    assertThat(latest.beforeHorizon(DAY.minusDays(11))).isTrue();
    assertThat(latest.beforeHorizon(DAY.minusDays(10))).isFalse();
    latest.counted(DAY.plusDays(1));
    assertThat(latest.firstKept()).isEqualTo(DAY.minusDays(9));
  }

  @Test
  void aRestartedTaskKnowsTheDayFromItsStore() {
    KeyValueStore<String, String> own = TestStores.strings("latest");
    KeyValueStore<String, String> changed = TestStores.strings("changed");
    LatestDay before = latestDay();
    before.restore(own, changed);
    before.counted(DAY);
    LatestDay after = latestDay();
    after.restore(own, changed);
    assertThat(after.latest()).isEqualTo(DAY);
    assertThat(after.beforeHorizon(DAY.minusDays(11))).isTrue();
    assertThat(changed.approximateNumEntries()).as("nothing of it in the store of changed days").isZero();
  }

  @Test
  void theDayEarlierVersionsKeptAmongTheChangedDaysMovesToItsOwnStore() {
    KeyValueStore<String, String> own = TestStores.strings("latest");
    KeyValueStore<String, String> changed = TestStores.strings("changed");
    changed.put("fam#0/ml_engineer|2026-03-09", "all|all|all");
    changed.put(LatestDay.LEGACY_KEY, DAY.toString());
    LatestDay latest = latestDay();
    latest.restore(own, changed);
    assertThat(latest.latest()).isEqualTo(DAY);
    assertThat(changed.get(LatestDay.LEGACY_KEY)).isNull();
    assertThat(changed.get("fam#0/ml_engineer|2026-03-09")).isEqualTo("all|all|all");
    assertThat(own.get(LatestDay.KEY)).isEqualTo(DAY.toString());
  }
}
