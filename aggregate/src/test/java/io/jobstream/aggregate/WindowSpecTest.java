package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowSpecTest {

  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void rollingDailyWindowsAreEveryWindowEndingWithinSizeDays() {
    List<WindowSpec.Window> windows = WindowSpec.parse("30d/1d").windowsContaining(d("2024-04-10"));
    assertThat(windows).hasSize(30);
    assertThat(windows.get(0)).isEqualTo(new WindowSpec.Window(d("2024-03-12"), d("2024-04-11")));
    assertThat(windows.get(29)).isEqualTo(new WindowSpec.Window(d("2024-04-10"), d("2024-05-10")));
    assertThat(windows).allMatch(w -> !w.start().isAfter(d("2024-04-10")) && w.end().isAfter(d("2024-04-10")));
  }

  @Test
  void rollingStartsAreMultiplesOfTheAdvanceSinceTheEpoch() {
    List<WindowSpec.Window> windows = WindowSpec.parse("14d/7d").windowsContaining(d("2024-04-10"));
    assertThat(windows).hasSize(2);
    assertThat(windows).allMatch(w -> w.start().toEpochDay() % 7 == 0);
    assertThat(windows).allMatch(w -> w.end().toEpochDay() - w.start().toEpochDay() == 14);
  }

  @Test
  void calendarWindowsFollowUtcCalendarBoundaries() {
    assertThat(WindowSpec.parse("month").windowsContaining(d("2024-02-29")))
        .containsExactly(new WindowSpec.Window(d("2024-02-01"), d("2024-03-01")));
    assertThat(WindowSpec.parse("quarter").windowsContaining(d("2024-08-15")))
        .containsExactly(new WindowSpec.Window(d("2024-07-01"), d("2024-10-01")));
    assertThat(WindowSpec.parse("year").windowsContaining(d("2021-12-31")))
        .containsExactly(new WindowSpec.Window(d("2021-01-01"), d("2022-01-01")));
  }

  @Test
  void keepsTheSpecAsWritten() {
    assertThat(WindowSpec.parse(" 30d/1d ").text()).isEqualTo("30d/1d");
    assertThat(WindowSpec.parseList("30d/1d,month").stream().map(WindowSpec::text))
        .containsExactly("30d/1d", "month");
  }

  @Test
  void rejectsBadSpecsWithAReason() {
    assertThatThrownBy(() -> WindowSpec.parse("30x")).hasMessageContaining("'30x'");
    assertThatThrownBy(() -> WindowSpec.parse("1d/2d")).hasMessageContaining("ADVANCE <= SIZE");
    assertThatThrownBy(() -> WindowSpec.parse("0d/0d")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WindowSpec.parseList(" , ")).hasMessageContaining("no window spec");
  }
}
