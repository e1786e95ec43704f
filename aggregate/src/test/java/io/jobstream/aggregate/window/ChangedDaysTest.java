package io.jobstream.aggregate.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.WindowSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class ChangedDaysTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-10");
  private static final String SCOPE = "ml_engineer#0/";
  private static final WindowSpec MONTH = WindowSpec.parse("month");
  private static final WindowSpec THREE_DAYS = WindowSpec.parse("3d/1d");

  /** Every scope's task computes every window (one block). */
  private static final ChangedDays.Blocks ONE_BLOCK = new ChangedDays.Blocks() {
    @Override
    public long ofScope(String scope) {
      return 0;
    }

    @Override
    public long ofWindow(WindowSpec.Window window) {
      return 0;
    }
  };

  private final KeyValueStore<String, String> store = TestStores.strings("changed");

  private ChangedDays changedDays(List<WindowSpec> specs, boolean nextWindowChanges) {
    return new ChangedDays(store, specs, ONE_BLOCK, nextWindowChanges);
  }

  private static List<String> starts(List<WindowJob> jobs) {
    List<String> out = new ArrayList<>();
    jobs.forEach(job -> out.add(job.spec() + ":" + job.window().start()));
    return out;
  }

  /** One emission that emits every job it is given. */
  private static void emitAll(ChangedDays days) {
    Map<String, Set<String>> waiting = days.waiting(null);
    List<WindowJob> jobs = days.jobs(waiting);
    days.emissionStarted();
    jobs.stream().filter(job -> !days.upToDate(job)).forEach(days::emitted);
    days.emissionEnded(waiting.keySet(), false);
  }

  @Test
  void aChangedDayKeepsTheSlicesThatChangedAndNothingElseIsInTheStore() {
    ChangedDays days = changedDays(List.of(MONTH), false);
    days.changed(SCOPE, "ml_engineer", DAY, List.of("all|all|all", "senior|all|all"));
    days.changed(SCOPE, "ml_engineer", DAY, List.of("all|all|all", "all|DE|all"));
    days.changed(SCOPE, "ml_engineer", DAY.plusDays(1), List.of("all|all|all"));
    assertThat(store.get("ml_engineer#0/ml_engineer|2026-03-10")).isEqualTo("all|DE|all\nall|all|all\nsenior|all|all");
    assertThat(days.waiting(null)).containsOnlyKeys("ml_engineer#0/ml_engineer|2026-03-10",
        "ml_engineer#0/ml_engineer|2026-03-11");
    try (var all = store.all()) {
      all.forEachRemaining(kv -> assertThat(ChangedDays.dayOf(kv.key)).isNotNull());
    }
  }

  @Test
  void eachWindowThatHoldsAChangedDayIsOneJobInOrderOfSpecAndStart() {
    ChangedDays days = changedDays(List.of(THREE_DAYS, MONTH), false);
    days.changed(SCOPE, "ml_engineer", DAY, List.of("all|all|all"));
    days.changed(SCOPE, "data_scientist", DAY.plusDays(1), List.of("senior|all|all"));
    List<WindowJob> jobs = days.jobs(days.waiting(null));
    assertThat(starts(jobs)).containsExactly("0:2026-03-08", "0:2026-03-09", "0:2026-03-10", "0:2026-03-11",
        "1:2026-03-01");
    WindowJob both = jobs.get(2);
    assertThat(both.scopes().get(SCOPE)).containsOnlyKeys("ml_engineer", "data_scientist");
    assertThat(both.scopes().get(SCOPE).get("data_scientist")).containsExactly("senior|all|all");
  }

  @Test
  void withTrendsTheWindowAfterEachChangesToo() {
    ChangedDays days = changedDays(List.of(MONTH), true);
    days.changed(SCOPE, "ml_engineer", DAY, List.of("all|all|all"));
    assertThat(starts(days.jobs(days.waiting(null)))).containsExactly("0:2026-03-01", "0:2026-04-01");
  }

  @Test
  void aTaskOnlyEmitsTheWindowsOfItsBlock() {
    // block = the window's month: this scope's task computes April's windows only
    ChangedDays days = new ChangedDays(store, List.of(THREE_DAYS), new ChangedDays.Blocks() {
      @Override
      public long ofScope(String scope) {
        return 4;
      }

      @Override
      public long ofWindow(WindowSpec.Window window) {
        return window.start().getMonthValue();
      }
    }, false);
    days.changed(SCOPE, "ml_engineer", LocalDate.parse("2026-04-01"), List.of("all|all|all"));
    assertThat(starts(days.jobs(days.waiting(null)))).containsExactly("0:2026-04-01");
    emitAll(days);
    assertThat(days.waiting(null)).as("done once its block's windows went out").isEmpty();
  }

  @Test
  void aDayLeavesOnceItsWindowsWentOutAfterItsLastChange() {
    ChangedDays days = changedDays(List.of(MONTH), false);
    days.changed(SCOPE, "ml_engineer", DAY, List.of("all|all|all"));
    Map<String, Set<String>> waiting = days.waiting(null);
    List<WindowJob> jobs = days.jobs(waiting);
    days.emissionStarted();
    // a change counted while the emission runs (after its windows were read) is not in them
    days.changed(SCOPE, "ml_engineer", DAY, List.of("all|all|all"));
    jobs.forEach(days::emitted);
    days.emissionEnded(waiting.keySet(), false);
    assertThat(days.noneWaiting()).isFalse();
    assertThat(days.waiting(null)).containsOnlyKeys("ml_engineer#0/ml_engineer|2026-03-10");
    emitAll(days);
    assertThat(days.noneWaiting()).isTrue();
    assertThat(store.approximateNumEntries()).isZero();
  }

  @Test
  void aWindowEmittedAfterEveryChangeItHoldsIsUpToDate() {
    ChangedDays days = changedDays(List.of(THREE_DAYS), false);
    days.changed(SCOPE, "ml_engineer", DAY, List.of("all|all|all"));
    Map<String, Set<String>> waiting = days.waiting(null);
    List<WindowJob> jobs = days.jobs(waiting);
    days.emissionStarted();
    days.emitted(jobs.get(0)); // the emission stopped after its first window
    days.emissionEnded(waiting.keySet(), true);
    assertThat(days.waiting(null)).as("two windows left").hasSize(1);
    List<WindowJob> next = days.jobs(days.waiting(null));
    days.emissionStarted();
    assertThat(next).extracting(days::upToDate).containsExactly(true, false, false);
  }

  @Test
  void daysBeforeTheHorizonAreDropped() {
    ChangedDays days = changedDays(List.of(MONTH), false);
    days.changed(SCOPE, "ml_engineer", DAY.minusDays(40), List.of("all|all|all"));
    days.changed(SCOPE, "ml_engineer", DAY, List.of("all|all|all"));
    assertThat(days.waiting(DAY.minusDays(5))).containsOnlyKeys("ml_engineer#0/ml_engineer|2026-03-10");
    assertThat(store.approximateNumEntries()).isEqualTo(1);
  }

  @Test
  void daysLeftInTheStoreByAnEarlierTaskAreEmitted() {
    changedDays(List.of(MONTH), false).changed(SCOPE, "ml_engineer", DAY, List.of("senior|all|all"));
    ChangedDays restarted = changedDays(List.of(MONTH), false);
    assertThat(restarted.storedEstimate()).isEqualTo(1);
    List<WindowJob> jobs = restarted.jobs(restarted.waiting(null));
    assertThat(starts(jobs)).containsExactly("0:2026-03-01");
    assertThat(jobs.get(0).scopes().get(SCOPE).get("ml_engineer")).containsExactly("senior|all|all");
    emitAll(restarted);
    assertThat(restarted.noneWaiting()).isTrue();
  }
}
