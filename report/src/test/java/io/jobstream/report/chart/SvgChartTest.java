package io.jobstream.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {

  private static List<Double> values(Double... v) {
    return Arrays.asList(v);
  }

  @Test
  void everyValueIsAPointThatCarriesItsExactValue() {
    String svg = SvgChart.lines("gap", "Gap", List.of("2022", "2023", "2024"), String::valueOf)
        .series("gap", values(675.0, null, 34340.5))
        .render();
    assertThat(svg).contains("data-points=\"2\"");
    assertThat(svg).contains("data-series=\"gap\" data-x=\"2022\" data-y=\"675.0\"");
    assertThat(svg).contains("data-x=\"2024\" data-y=\"34340.5\"");
    assertThat(svg).doesNotContain("data-x=\"2023\"");
    // the missing window breaks the line: two separate moves
    java.util.regex.Matcher line = java.util.regex.Pattern.compile("class=\"line\" data-series=\"gap\" d=\"([^\"]*)\"").matcher(svg);
    assertThat(line.find()).isTrue();
    assertThat(line.group(1).chars().filter(c -> c == 'M').count()).isEqualTo(2);
  }

  @Test
  void pointsNotFilledAreHollowAndLabelsAreWritten() {
    String svg = SvgChart.lines("gap", "Gap", List.of("a", "b"), String::valueOf)
        .series("gap", values(1.0, 2.0), List.of(false, true), Arrays.asList(null, "widened"))
        .render();
    assertThat(svg).contains("data-x=\"a\" data-y=\"1.0\"").contains("fill=\"#fff\"");
    assertThat(svg).contains(">widened</text>");
  }

  @Test
  void bandsCoverTheirRunsOfWindows() {
    String svg = SvgChart.lines("gap", "Gap", List.of("a", "b", "c", "d"), String::valueOf)
        .band("ci", values(-1.0, 0.0, null, 3.0), values(1.0, 2.0, null, 5.0))
        .series("gap", values(0.0, 1.0, null, 4.0))
        .zeroLine()
        .render();
    assertThat(svg.split("class=\"band\"", -1)).hasSize(3);
    assertThat(svg).contains("class=\"zero\"");
  }

  @Test
  void stackedBarsStackTheirSeries() {
    String svg = SvgChart.stackedBars("e", "Emphasis", List.of("2024"), String::valueOf)
        .series("ml_heavy", values(0.25)).series("software_heavy", values(0.75))
        .render();
    assertThat(svg).contains("data-series=\"ml_heavy\" data-x=\"2024\" data-y=\"0.25\"");
    assertThat(svg).contains("data-series=\"software_heavy\" data-x=\"2024\" data-y=\"0.75\"");
  }

  @Test
  void aChartWithoutDataSaysSo() {
    String svg = SvgChart.lines("x", "X", List.of("a"), String::valueOf).series("s", values((Double) null)).render();
    assertThat(svg).contains("data-points=\"0\"").contains("no data for this panel yet");
  }

  @Test
  void textIsEscaped() {
    String svg = SvgChart.lines("x", "A <b> & \"c\"", List.of("a"), String::valueOf).series("s", values(1.0)).render();
    assertThat(svg).contains("A &lt;b&gt; &amp; &quot;c&quot;").doesNotContain("<b>");
  }

  @Test
  void seriesOfTheWrongLengthAreRefused() {
    assertThatThrownBy(() -> SvgChart.lines("x", "X", List.of("a", "b"), String::valueOf).series("s", values(1.0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2");
  }

  @Test
  void axisTicksAreNiceAndCoverTheData() {
    Axis axis = Axis.covering(-45595, 37789, 5);
    assertThat(axis.low()).isLessThanOrEqualTo(-45595);
    assertThat(axis.high()).isGreaterThanOrEqualTo(37789);
    assertThat(axis.ticks()).contains(0.0, 20000.0, -40000.0);
  }
}
