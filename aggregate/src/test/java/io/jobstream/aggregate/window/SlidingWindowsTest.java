package io.jobstream.aggregate.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class SlidingWindowsTest {

  private static final LocalDate DAY = LocalDate.parse("2026-01-01");

  /** A count of postings, as a window adds them up. */
  static final class Count implements SlidingWindows.Counts<Count> {
    long n;

    Count(long n) {
      this.n = n;
    }

    @Override
    public void merge(Count other) {
      n += other.n;
    }

    @Override
    public void subtract(Count other) {
      n -= other.n;
    }

    @Override
    public boolean isEmpty() {
      return n == 0;
    }
  }

  /** Postings by scoped family, day and slice; every read of a day is logged. */
  private final Map<String, Map<LocalDate, Map<String, Long>>> store = new HashMap<>();
  private final List<String> reads = new ArrayList<>();
  private final SlidingWindows<Count> windows = new SlidingWindows<>(this::read, () -> new Count(0));

  private Map<String, Count> read(String family, LocalDate day) {
    reads.add(family + "@" + day);
    Map<String, Count> out = new HashMap<>();
    store.getOrDefault(family, Map.of()).getOrDefault(day, Map.of()).forEach((slice, n) -> out.put(slice, new Count(n)));
    return out;
  }

  private void put(String family, int day, String slice, long n) {
    store.computeIfAbsent(family, f -> new HashMap<>()).computeIfAbsent(DAY.plusDays(day), d -> new HashMap<>())
        .merge(slice, n, Long::sum);
  }

  /** What a window holds, by slice, with no empty slices. */
  private static Map<String, Long> counts(Map<String, Count> slices) {
    Map<String, Long> out = new TreeMap<>();
    slices.forEach((slice, c) -> out.put(slice, c.n));
    return out;
  }

  /** The window's counts added up from the store directly. */
  private Map<String, Long> expected(String family, int from, int to) {
    Map<String, Long> out = new TreeMap<>();
    for (int d = from; d < to; d++) {
      store.getOrDefault(family, Map.of()).getOrDefault(DAY.plusDays(d), Map.of()).forEach((s, n) -> out.merge(s, n, Long::sum));
    }
    out.values().removeIf(n -> n == 0);
    return out;
  }

  private static final BooleanSupplier ALWAYS = () -> true;

  @Test
  void aWindowSlidesByTheDaysThatLeaveAndEnter() {
    for (int d = 0; d < 10; d++) {
      put("f", d, "all", d + 1);
      put("f", d, d % 2 == 0 ? "even" : "odd", 1);
    }
    SlidingWindows<Count>.Lane lane = windows.lane();
    assertThat(counts(lane.window("f", DAY, DAY.plusDays(3), ALWAYS))).isEqualTo(expected("f", 0, 3));
    assertThat(reads).hasSize(3);
    for (int start = 1; start <= 7; start++) {
      assertThat(counts(lane.window("f", DAY.plusDays(start), DAY.plusDays(start + 3), ALWAYS)))
          .as("window from day %d", start).isEqualTo(expected("f", start, start + 3));
    }
    // each day read once: the window took each in and gave the first ones back from memory
    assertThat(reads).hasSize(10).doesNotHaveDuplicates();
  }

  @Test
  void aSliceWithNoPostingsLeftLeavesTheWindow() {
    put("f", 0, "senior", 2);
    put("f", 1, "junior", 1);
    SlidingWindows<Count>.Lane lane = windows.lane();
    lane.window("f", DAY, DAY.plusDays(2), ALWAYS);
    assertThat(counts(lane.window("f", DAY.plusDays(1), DAY.plusDays(3), ALWAYS))).containsOnlyKeys("junior");
  }

  @Test
  void aWindowThatDoesNotOverlapIsBuiltAfresh() {
    for (int d = 0; d < 20; d++) {
      put("f", d, "all", 1);
    }
    SlidingWindows<Count>.Lane lane = windows.lane();
    lane.window("f", DAY.plusDays(10), DAY.plusDays(13), ALWAYS);
    // backwards, and past the end: neither slides
    assertThat(counts(lane.window("f", DAY.plusDays(2), DAY.plusDays(5), ALWAYS))).containsEntry("all", 3L);
    assertThat(counts(lane.window("f", DAY.plusDays(15), DAY.plusDays(16), ALWAYS))).containsEntry("all", 1L);
  }

  @Test
  void familiesAndLanesKeepWindowsOfTheirOwnOverTheSameDays() {
    put("a", 0, "all", 1);
    put("b", 0, "all", 5);
    put("a", 1, "all", 2);
    SlidingWindows<Count>.Lane current = windows.lane();
    SlidingWindows<Count>.Lane previous = windows.lane();
    assertThat(counts(current.window("a", DAY, DAY.plusDays(2), ALWAYS))).containsEntry("all", 3L);
    assertThat(counts(current.window("b", DAY, DAY.plusDays(2), ALWAYS))).containsEntry("all", 5L);
    assertThat(counts(previous.window("a", DAY, DAY.plusDays(1), ALWAYS))).containsEntry("all", 1L);
    assertThat(reads).as("the lanes share the days read").containsExactly("a@2026-01-01", "a@2026-01-02",
        "b@2026-01-01", "b@2026-01-02");
  }

  @Test
  void aWindowStoppedByItsBudgetGoesOnWhereItStopped() {
    for (int d = 0; d < 30; d++) {
      put("f", d, "all", d);
    }
    SlidingWindows<Count>.Lane lane = windows.lane();
    int[] allowed = {4};
    BooleanSupplier budget = () -> allowed[0]-- > 0;
    assertThat(lane.window("f", DAY, DAY.plusDays(10), budget)).as("out of days").isNull();
    assertThat(reads).hasSize(4);
    allowed[0] = 3;
    assertThat(lane.window("f", DAY, DAY.plusDays(10), budget)).isNull();
    allowed[0] = 100;
    assertThat(counts(lane.window("f", DAY, DAY.plusDays(10), budget))).isEqualTo(expected("f", 0, 10));
    assertThat(reads).as("no day read twice").hasSize(10).doesNotHaveDuplicates();
    // stopped while sliding: the days given back so far stay given back
    allowed[0] = 2;
    assertThat(lane.window("f", DAY.plusDays(5), DAY.plusDays(15), budget)).isNull();
    allowed[0] = 100;
    assertThat(counts(lane.window("f", DAY.plusDays(5), DAY.plusDays(15), budget))).isEqualTo(expected("f", 5, 15));
  }

  @Test
  void aChangeReachesTheDayReadAndTheWindowsThatHoldIt() {
    for (int d = 0; d < 6; d++) {
      put("f", d, "all", 1);
    }
    SlidingWindows<Count>.Lane lane = windows.lane();
    SlidingWindows<Count>.Lane other = windows.lane();
    lane.window("f", DAY, DAY.plusDays(3), ALWAYS);
    other.window("f", DAY.plusDays(3), DAY.plusDays(5), ALWAYS);
    // a posting counted on day 1 while the windows are kept: the store has it, and so must they
    put("f", 1, "all", 4);
    windows.change("f", DAY.plusDays(1), slices -> slices.computeIfAbsent("all", s -> new Count(0)).merge(new Count(4)));
    assertThat(counts(lane.window("f", DAY, DAY.plusDays(3), ALWAYS))).isEqualTo(expected("f", 0, 3));
    assertThat(counts(other.window("f", DAY.plusDays(3), DAY.plusDays(5), ALWAYS)))
        .as("a window without day 1").isEqualTo(expected("f", 3, 5));
    // day 1 leaves the window from memory with the change in it
    assertThat(counts(lane.window("f", DAY.plusDays(2), DAY.plusDays(5), ALWAYS))).isEqualTo(expected("f", 2, 5));
  }

  @Test
  void forgottenDaysAreReadAgainAndClearForgetsEverything() {
    for (int d = 0; d < 4; d++) {
      put("f", d, "all", 1);
    }
    SlidingWindows<Count>.Lane lane = windows.lane();
    lane.window("f", DAY, DAY.plusDays(4), ALWAYS);
    assertThat(windows.daysRead()).isEqualTo(4);
    windows.forgetDaysBefore(DAY.plusDays(2));
    assertThat(windows.daysRead()).isEqualTo(2);
    windows.clear();
    assertThat(windows.daysRead()).isZero();
    assertThat(counts(lane.window("f", DAY.plusDays(1), DAY.plusDays(4), ALWAYS))).containsEntry("all", 3L);
    assertThat(reads).hasSize(7);
  }
}
