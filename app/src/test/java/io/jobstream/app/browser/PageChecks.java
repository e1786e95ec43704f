package io.jobstream.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.report.page.Formats;
import java.util.Map;
import java.util.TreeMap;

/** What the report and the live page must show, read from the page in the browser and compared with the topics. */
final class PageChecks {

  private PageChecks() {}

  /** Per chart id: {@code [data-points, point elements drawn, rendered height, says "no data"]}. */
  static final String CHARTS = "Array.from(document.querySelectorAll('svg.chart')).map(s => ({id: s.dataset.chart,"
      + " points: Number(s.dataset.points), drawn: s.querySelectorAll('.point').length,"
      + " height: s.getBoundingClientRect().height, empty: s.querySelector('.empty') !== null}))";

  /** Rows of a table by {@code data-key}: the exact value of each numeric cell, else its text, and the text shown. */
  static String rows(String tableId) {
    return "Object.fromEntries(Array.from(document.querySelectorAll('#table-" + tableId + " tbody tr[data-key]'))"
        + ".map(tr => [tr.dataset.key, Array.from(tr.cells).map(td => ({value: td.dataset.value ?? null,"
        + " text: td.textContent}))]))";
  }

  /** The gap table shows every gap of the pair in the window, each number equal to the topic's. */
  static void gapTableEqualsTopic(JsonNode rows, Map<String, SalaryDivergence> topic, String pairPrefix) {
    Map<String, SalaryDivergence> expected = new TreeMap<>();
    topic.forEach((k, v) -> {
      if (k.startsWith(pairPrefix) && k.endsWith("|all|all")) {
        expected.put(k, v);
      }
    });
    assertThat(expected).as("gaps on the topic").isNotEmpty();
    assertThat(iterable(rows.fieldNames())).as("rows of the gap table").containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((key, d) -> {
      JsonNode cells = rows.get(key);
      assertThat(value(cells, 2)).as(key + " nA").isEqualTo(d.nA());
      assertThat(value(cells, 3)).as(key + " nB").isEqualTo(d.nB());
      assertThat(value(cells, 4)).as(key + " medianA").isEqualTo(d.medianA());
      assertThat(value(cells, 5)).as(key + " medianB").isEqualTo(d.medianB());
      assertThat(value(cells, 6)).as(key + " gap").isEqualTo(d.gap());
      assertThat(value(cells, 7)).as(key + " ciLow").isEqualTo(d.ciLow());
      assertThat(value(cells, 8)).as(key + " ciHigh").isEqualTo(d.ciHigh());
      assertThat(value(cells, 9)).as(key + " p").isEqualTo(d.pValue());
      assertThat(cells.get(6).path("text").asText()).as(key + " gap as shown").isEqualTo(Formats.signedMoney(d.gap()));
      assertThat(cells.get(9).path("text").asText()).as(key + " p as shown").isEqualTo(Formats.pValue(d.pValue()));
      assertThat(cells.get(10).path("text").asText()).isEqualTo(d.significant() ? "yes" : "no");
      assertThat(cells.get(11).path("text").asText()).isEqualTo(d.trend() == null ? "" : d.trend().verdict());
    });
  }

  /** Every row of the family table holds the topic's count, pay count and median for its key. */
  static void familyTableEqualsTopic(JsonNode rows, Map<String, SalaryStats> topic) {
    assertThat(rows.size()).as("rows of the family table").isPositive();
    rows.fieldNames().forEachRemaining(key -> {
      SalaryStats s = topic.get(key);
      assertThat(s).as("statistics on the topic for " + key).isNotNull();
      JsonNode cells = rows.get(key);
      assertThat(value(cells, 3)).as(key + " count").isEqualTo(s.count());
      assertThat(value(cells, 4)).as(key + " salaryCount").isEqualTo(s.salaryCount());
      if (s.median() != null) {
        assertThat(value(cells, 7)).as(key + " median").isEqualTo(s.median());
        assertThat(cells.get(7).path("text").asText()).isEqualTo(Formats.money(s.median()));
      }
    });
  }

  /** Each chart's drawn elements match what it says it holds, and it has a size on the page. */
  static Map<String, Integer> charts(JsonNode charts) {
    Map<String, Integer> points = new TreeMap<>();
    for (JsonNode c : charts) {
      String id = c.path("id").asText();
      // a chart with data is drawn full size; one without is a strip that says so
      assertThat(c.path("height").asDouble()).as(id + " rendered height")
          .isGreaterThan(c.path("points").asInt() > 0 ? 150 : 20);
      assertThat(c.path("drawn").asInt()).as(id + " point elements").isEqualTo(c.path("points").asInt());
      assertThat(c.path("empty").asBoolean()).as(id + " says it has no data").isEqualTo(c.path("points").asInt() == 0);
      points.put(id, c.path("points").asInt());
    }
    return points;
  }

  private static Object value(JsonNode cells, int i) {
    String v = cells.get(i).path("value").asText();
    return v.contains(".") || v.contains("E") ? (Object) Double.parseDouble(v) : (Object) Long.parseLong(v);
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    java.util.List<T> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
