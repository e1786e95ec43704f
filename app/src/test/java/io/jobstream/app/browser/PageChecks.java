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
      // the adjusted gap beside the raw one (empty where the topic has none)
      assertThat(cells.get(14).path("value").asText()).as(key + " adjustedGap")
          .isEqualTo(d.adjustedGap() == null ? "" : Double.toString(d.adjustedGap()));
      assertThat(cells.get(15).path("value").asText()).as(key + " adjustedCiLow")
          .isEqualTo(d.adjustedCiLow() == null ? "" : Double.toString(d.adjustedCiLow()));
      assertThat(cells.get(16).path("value").asText()).as(key + " adjustedCiHigh")
          .isEqualTo(d.adjustedCiHigh() == null ? "" : Double.toString(d.adjustedCiHigh()));
      assertThat(cells.get(17).path("value").asText()).as(key + " adjustedCoverage")
          .isEqualTo(d.adjustedCoverage() == null ? "" : Double.toString(d.adjustedCoverage()));
      if (d.adjustedGap() != null) {
        assertThat(cells.get(14).path("text").asText()).isEqualTo(Formats.signedMoney(d.adjustedGap()));
      }
    });
  }

  /** The cell table holds every cell behind every adjusted gap of the pair, each number equal to the topic's. */
  static void cellTableEqualsTopic(JsonNode rows, Map<String, SalaryDivergence> topic, String pairPrefix) {
    Map<String, SalaryDivergence.AdjustedCell> expected = new TreeMap<>();
    topic.forEach((k, v) -> {
      if (k.startsWith(pairPrefix) && k.endsWith("|all|all") && v.adjustedCells() != null) {
        v.adjustedCells().forEach(c -> expected.put(k + "|" + c.seniority() + "|" + c.country(), c));
      }
    });
    assertThat(iterable(rows.fieldNames())).as("rows of the cell table").containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((key, c) -> {
      JsonNode cells = rows.get(key);
      assertThat(cells.get(2).path("text").asText()).isEqualTo(c.seniority());
      assertThat(cells.get(3).path("text").asText()).isEqualTo(c.country());
      assertThat(value(cells, 4)).as(key + " nA").isEqualTo(c.nA());
      assertThat(value(cells, 5)).as(key + " nB").isEqualTo(c.nB());
      assertThat(value(cells, 6)).as(key + " medianA").isEqualTo(c.medianA());
      assertThat(value(cells, 7)).as(key + " medianB").isEqualTo(c.medianB());
      assertThat(value(cells, 8)).as(key + " gap").isEqualTo(c.gap());
      assertThat(cells.get(8).path("text").asText()).isEqualTo(Formats.signedMoney(c.gap()));
      assertThat(Double.parseDouble(cells.get(9).path("value").asText())).as(key + " weight").isEqualTo(c.weight());
    });
  }

  /** Points the gap chart of a pair draws: a raw gap per window with one, and an adjusted gap where there is one. */
  static int gapChartPoints(Map<String, SalaryDivergence> topic, String pairPrefix) {
    int points = 0;
    for (Map.Entry<String, SalaryDivergence> e : topic.entrySet()) {
      if (e.getKey().startsWith(pairPrefix) && e.getKey().endsWith("|all|all") && e.getValue() != null) {
        points += e.getValue().adjustedGap() == null ? 1 : 2;
      }
    }
    return points;
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
