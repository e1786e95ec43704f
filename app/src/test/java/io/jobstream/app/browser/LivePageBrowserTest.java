package io.jobstream.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.app.report.TopicSnapshot;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobstream demo} with its live page open in headless Chromium from the moment the demo
 * prints its address: the page updates itself (without a reload) until it shows the ML engineer /
 * data scientist gaps, those equal {@code jobs.salary.divergence}, every chart is drawn, the label
 * that the figures are generated stays through the updates, and the page logs no error. The data
 * directory is empty, so the demo runs on its generated market and the test needs no data set.
 */
@Tag("integration")
@Tag("browser")
class LivePageBrowserTest {

  private static final Pattern LIVE = Pattern.compile("live page: (http://\\S+)");
  private static final Pattern BROKER = Pattern.compile("broker ready on (\\S+)");
  private static final String GAP_ROWS = "document.querySelectorAll('#table-gap-ml_engineer-data_scientist tbody tr[data-key]').length";

  @Test
  void theLivePageUpdatesWhileTheDemoRunsAndShowsTheTopicsGaps(@TempDir Path emptyDataDir) throws Exception {
    StringWriter text = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread demo = new Thread(() -> {
      var cli = JobstreamCli.commandLine();
      cli.setOut(new PrintWriter(text, true));
      exit.set(cli.execute("demo", "--duration", "90s", "--metrics-port", "0", "--query-port", "0",
          "--data-dir", emptyDataDir.toString(), "--no-fetch"));
    }, "demo");
    demo.start();
    try (Chromium browser = Chromium.start()) {
      String url = await(LIVE, text);
      String bootstrap = await(BROKER, text);
      browser.open(url);
      // loaded before the survey is through: the page then follows the statistics by itself
      int before = browser.evaluate(GAP_ROWS).asInt();
      assertThat(before).as("gaps shown on the first load").isLessThan(4);
      browser.await("Number(document.body.dataset.updates) > 0 && " + GAP_ROWS + " >= 4", Duration.ofSeconds(60));
      assertThat(browser.evaluate("document.getElementById('live-status').textContent").asText()).startsWith("live: checked");
      // the scorecard per source, counted from the raw and dead-letter topics while the demo ingests
      browser.await("document.querySelectorAll('#table-source-types tbody tr[data-key]').length > 0",
          Duration.ofSeconds(60));
      assertThat(browser.evaluate(PageChecks.rows("source-types")).has("csv")).as("the survey's rows").isTrue();

      // once the figures settle, the page shows exactly what the topic holds
      Properties client = new Properties();
      client.put("bootstrap.servers", bootstrap);
      Map<String, SalaryDivergence> gaps = settled(client);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (true) {
        JsonNode rows = browser.evaluate(PageChecks.rows("gap-ml_engineer-data_scientist"));
        try {
          PageChecks.gapTableEqualsTopic(rows, gaps, "ml_engineer|data_scientist|year|");
          break;
        } catch (AssertionError notYet) {
          if (System.nanoTime() > deadline) {
            throw notYet;
          }
          Thread.sleep(1000);
          gaps = TopicSnapshot.read(client, Topics.DIVERGENCE, Duration.ofSeconds(30));
        }
      }
      Map<String, Integer> charts = PageChecks.charts(browser.evaluate(PageChecks.CHARTS));
      long windows = gaps.keySet().stream().filter(k -> k.startsWith("ml_engineer|data_scientist|year|")
          && k.endsWith("|all|all")).count();
      assertThat(windows).isGreaterThanOrEqualTo(4);
      assertThat(charts.get("gap-ml_engineer-data_scientist"))
          .isEqualTo(PageChecks.gapChartPoints(gaps, "ml_engineer|data_scientist|year|"));
      PageChecks.cellTableEqualsTopic(browser.evaluate(PageChecks.rows("gap-cells-ml_engineer-data_scientist")), gaps,
          "ml_engineer|data_scientist|year|");
      // the page says, after every update, that these figures are not real
      assertThat(browser.evaluate("document.getElementById('data-source').textContent").asText())
          .startsWith("Generated market: these figures are not real data.");
      assertThat(browser.evaluate("document.title").asText()).startsWith("jobstream (generated, not real data): ");
      assertThat(charts.get("median-pay")).isPositive();
      assertThat(charts.get("official-wages")).isPositive();
      // the job board's postings have descriptions: wording scores and data scientists' emphasis
      assertThat(charts.get("gender-coding")).isPositive();
      assertThat(charts.get("emphasis-data_scientist")).isPositive();
      assertThat(browser.problems()).as("errors the page logged").isEmpty();
    } finally {
      demo.join(Duration.ofSeconds(120).toMillis());
    }
    assertThat(exit.get()).as(text.toString()).isZero();
  }

  /** The divergences once two reads a few seconds apart agree (the ingest pass is then through). */
  private static Map<String, SalaryDivergence> settled(Properties client) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    Map<String, SalaryDivergence> last = Map.of();
    while (System.nanoTime() < deadline) {
      Map<String, SalaryDivergence> now = TopicSnapshot.read(client, Topics.DIVERGENCE, Duration.ofSeconds(20));
      if (now.containsKey("ml_engineer|data_scientist|year|2024-01-01|all|all") && figures(now).equals(figures(last))) {
        return now;
      }
      last = now;
      Thread.sleep(3000);
    }
    throw new AssertionError("the divergences did not settle within 40 s: " + last.keySet());
  }

  private static Map<String, String> figures(Map<String, SalaryDivergence> m) {
    Map<String, String> out = new java.util.TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.nA() + " " + v.nB() + " " + v.gap() + " " + v.pValue() + " " + v.trend()));
    return out;
  }

  private static String await(Pattern pattern, StringWriter text) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = pattern.matcher(text.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the demo did not print " + pattern + ":\n" + text);
  }
}
