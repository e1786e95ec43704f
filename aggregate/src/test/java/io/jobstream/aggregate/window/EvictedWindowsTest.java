package io.jobstream.aggregate.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.WindowSpec;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvictedWindowsTest {

  private static final WindowSpec THREE_DAYS = WindowSpec.parse("3d/1d");
  private static final WindowSpec MONTH = WindowSpec.parse("month");
  private static final LocalDate DAY = LocalDate.parse("2026-01-10");

  private static List<String> described(EvictedWindows evicted) {
    return evicted.windows().stream()
        .map(r -> r.scope() + r.family() + " " + r.spec().text() + " " + r.window().start() + " " + r.slices())
        .toList();
  }

  @Test
  void everyWindowThatHeldAGoneDayLosesTheSlicesItsCountsWereIn() {
    EvictedWindows evicted = new EvictedWindows(List.of(THREE_DAYS, MONTH), ChangedDays.Blocks.of(s -> 0, w -> 0));
    evicted.add("f#0/", "ml", DAY, List.of("all|all|all", "senior|all|all"));
    evicted.add("f#0/", "ml", DAY.plusDays(1), List.of("all|all|all", "all|DE|all"));
    evicted.add("e#0/", "data", DAY, List.of("all|all|all"));
    assertThat(described(evicted)).containsExactly(
        "e#0/data 3d/1d 2026-01-08 [all|all|all]",
        "e#0/data 3d/1d 2026-01-09 [all|all|all]",
        "e#0/data 3d/1d 2026-01-10 [all|all|all]",
        "e#0/data month 2026-01-01 [all|all|all]",
        "f#0/ml 3d/1d 2026-01-08 [all|DE|all, all|all|all, senior|all|all]",
        "f#0/ml 3d/1d 2026-01-09 [all|DE|all, all|all|all, senior|all|all]",
        "f#0/ml 3d/1d 2026-01-10 [all|DE|all, all|all|all, senior|all|all]",
        "f#0/ml 3d/1d 2026-01-11 [all|DE|all, all|all|all, senior|all|all]",
        "f#0/ml month 2026-01-01 [all|DE|all, all|all|all, senior|all|all]");
  }

  @Test
  void onlyTheWindowsOfTheScopesBlock() {
    // block: the day of month of the window's start; the scope's task computes block 9
    EvictedWindows evicted = new EvictedWindows(List.of(THREE_DAYS),
        ChangedDays.Blocks.of(scope -> 9, window -> window.start().getDayOfMonth()));
    evicted.add("f#9/", "ml", DAY, List.of("all|all|all"));
    assertThat(described(evicted)).containsExactly("f#9/ml 3d/1d 2026-01-09 [all|all|all]");
  }
}
