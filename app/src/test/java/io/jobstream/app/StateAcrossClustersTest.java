package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.JobstreamTopology;
import io.jobstream.aggregate.StreamApp;
import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One streams state directory used against one new cluster after another, as when a developer
 * points {@code jobstream stream} at a fresh broker while the default state directory still holds
 * the state of the last one: each time the whole salary survey is replayed (ingest, then stream
 * with year windows), and the yearly statistics of every family must equal a batch computation
 * over the postings on that cluster's {@code jobs.postings.classified}. State from another cluster
 * mixed into the stores (counts from the last cluster added to this one's, or postings taken for
 * re-crawls of ones already counted) fails it.
 */
@Tag("slow")
class StateAcrossClustersTest {

  private static final int CLUSTERS = 10;
  private static final int ROWS = 30_000;

  @TempDir
  Path dir;

  @Test
  void eachNewClusterGetsStatisticsOfItsOwnPostingsOnly() throws Exception {
    Path stateDir = dir.resolve("streams");
    Path survey = SurveyFixture.write(dir.resolve("survey.csv"), 13, ROWS);
    for (int i = 0; i < CLUSTERS; i++) {
      try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker-" + i), 0)
          .start(Duration.ofSeconds(60))) {
        Properties client = new Properties();
        client.put("bootstrap.servers", broker.bootstrapServers());
        TopicSetup.ensureTopics(client);
        assertThat(JobstreamCli.commandLine().execute("ingest", "--bootstrap-servers", broker.bootstrapServers(),
            "--once", "--source", "csv:" + survey))
            .as("ingest into cluster " + i).isZero();
        Properties settings = new Properties();
        settings.putAll(client);
        settings.put(JobstreamConfig.WINDOWS_CONFIG, "year");
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "500");
        try (StreamApp app = StreamApp.start(StreamApp.streamsConfig(settings, stateDir))) {
          assertThat(app.awaitRunning(Duration.ofSeconds(60))).as("running on cluster " + i).isTrue();
          Map<String, ClassifiedPosting> latest = new HashMap<>();
          FaultWorkload.read(client, Topics.CLASSIFIED, n -> n >= ROWS, Duration.ofMinutes(2))
              .forEach(r -> latest.put(r.key(), r.value()));
          assertThat(latest).as("classified postings on cluster " + i).hasSize(ROWS);
          Map<String, long[]> expected = batchYearly(latest.values());
          assertThat(expected).as("family and year cells").hasSizeGreaterThan(30);
          awaitEqual(client, expected, "cluster " + i);
        }
      }
    }
  }

  /** Per family and year (all other dimensions {@code all}): count, salary count, median x 100. */
  private static Map<String, long[]> batchYearly(Iterable<ClassifiedPosting> postings) {
    Map<String, List<Double>> pay = new TreeMap<>();
    Map<String, long[]> out = new TreeMap<>();
    for (ClassifiedPosting p : postings) {
      String key = "year|" + p.eventDate().withDayOfYear(1) + "|" + p.family() + "|all|all|all";
      out.computeIfAbsent(key, k -> new long[3])[0]++;
      List<Double> values = pay.computeIfAbsent(key, k -> new ArrayList<>());
      if (p.pay() != null && p.pay().reportingMidpoint() != null) {
        values.add(p.pay().reportingMidpoint());
      }
    }
    pay.forEach((key, values) -> {
      values.sort(null);
      int n = values.size();
      out.get(key)[1] = n;
      if (n > 0) {
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        out.get(key)[2] = Math.round(median * 100);
      }
    });
    return out;
  }

  private static void awaitEqual(Properties client, Map<String, long[]> expected, String where) throws Exception {
    Map<String, SalaryStats> stats = new HashMap<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      stats.clear();
      FaultWorkload.read(client, Topics.STATS, n -> true, Duration.ofSeconds(2)).forEach(r -> stats.put(r.key(), r.value()));
      List<String> wrong = expected.entrySet().stream().filter(e -> {
        SalaryStats s = stats.get(e.getKey());
        return s == null || s.count() != e.getValue()[0] || s.salaryCount() != e.getValue()[1]
            || (e.getValue()[1] > 0 && Math.round(s.median() * 100) != e.getValue()[2]);
      }).map(Map.Entry::getKey).toList();
      if (wrong.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(where + ": " + wrong.size() + " of " + expected.size()
            + " family-years missing or not equal to the batch computation, e.g. " + wrong.get(0)
            + " expected " + java.util.Arrays.toString(expected.get(wrong.get(0))) + ", got "
            + stats.get(wrong.get(0)));
      }
      Thread.sleep(1000);
    }
  }
}
