package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.JobstreamTopology;
import io.jobstream.aggregate.StreamApp;
import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.aggregate.stats.MannWhitney;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances of the streams app on one broker with six partitions per topic, the salary
 * survey replayed: each aggregation stage fed by the survey (statistics keyed by family and block
 * of windows, divergence by pair and block; the survey's rows have no duplicate key, so they skip
 * the cluster stage) runs on more than one instance, and the yearly statistics and
 * divergences equal a batch computation.
 */
@Tag("integration")
class ScaleOutTest {

  /** Rows of the generated survey the instances share. */
  private static final int ROWS = 40_000;

  @TempDir
  Path dir;

  @Test
  void theWindowStageSpreadsOverInstancesAndStaysExact() throws Exception {
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60))) {
      Properties client = new Properties();
      client.put("bootstrap.servers", broker.bootstrapServers());
      TopicSetup.ensureTopics(client, 6);
      Path survey = SurveyFixture.write(dir.resolve("survey.csv"), 7, ROWS);
      List<StreamApp> apps = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          Properties settings = new Properties();
          settings.putAll(client);
          settings.put(JobstreamConfig.WINDOWS_CONFIG, "year");
          settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "scale-out-test");
          settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "500");
          apps.add(StreamApp.start(StreamApp.streamsConfig(settings, dir.resolve("streams-" + i))));
        }
        for (StreamApp app : apps) {
          assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
        }
        assertThat(JobstreamCli.commandLine().execute("ingest", "--bootstrap-servers", broker.bootstrapServers(),
            "--once", "--source", "csv:" + survey)).isZero();

        Map<String, ClassifiedPosting> latest = new HashMap<>();
        FaultWorkload.read(client, Topics.CLASSIFIED, n -> n >= ROWS, Duration.ofMinutes(3))
            .forEach(r -> latest.put(r.key(), r.value()));
        assertThat(latest).hasSize(ROWS);
        awaitYearlyEqual(client, latest.values());

        // each aggregation stage: which instances' tasks read the partitions of its repartition that carried records
        for (String stage : List.of(JobstreamTopology.BY_WINDOW, JobstreamTopology.BY_PAIR)) {
          String repartition = "scale-out-test-" + stage + "-repartition";
          Set<Integer> busy = busyPartitions(client, repartition);
          Set<Integer> instances = new TreeSet<>();
          for (int i = 0; i < apps.size(); i++) {
            int instance = i;
            apps.get(i).streams().metadataForLocalThreads().forEach(thread -> thread.activeTasks().forEach(task ->
                task.topicPartitions().forEach(tp -> {
                  if (tp.topic().equals(repartition) && busy.contains(tp.partition())) {
                    instances.add(instance);
                  }
                })));
          }
          System.out.printf("scale-out test: partitions of %s with records: %s; on instances %s%n", repartition,
              busy, instances);
          assertThat(busy).as("partitions of " + repartition + " that carried records").hasSizeGreaterThan(1);
          assertThat(instances).as("instances whose tasks had records of " + repartition).hasSizeGreaterThan(1);
        }
      } finally {
        apps.forEach(StreamApp::close);
      }
    }
  }

  private static Set<Integer> busyPartitions(Properties client, String topic) throws Exception {
    try (Admin admin = Admin.create(client)) {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
          .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Set<Integer> busy = new TreeSet<>();
      admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> {
        if (info.offset() > 0) {
          busy.add(tp.partition());
        }
      });
      return busy;
    }
  }

  /** Yearly count, salary count and median per family, and the ml_engineer / data_scientist gaps. */
  private static void awaitYearlyEqual(Properties client, Iterable<ClassifiedPosting> postings) throws Exception {
    Map<String, List<Double>> pay = new TreeMap<>();
    Map<String, Long> counts = new TreeMap<>();
    for (ClassifiedPosting p : postings) {
      String key = p.eventDate().withDayOfYear(1) + "|" + p.family();
      counts.merge(key, 1L, Long::sum);
      if (p.pay() != null && p.pay().reportingMidpoint() != null) {
        pay.computeIfAbsent(key, k -> new ArrayList<>()).add(p.pay().reportingMidpoint());
      }
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    List<String> wrong;
    do {
      Map<String, SalaryStats> stats = new HashMap<>();
      Map<String, SalaryDivergence> gaps = new HashMap<>();
      FaultWorkload.read(client, Topics.STATS, n -> true, Duration.ofSeconds(3)).forEach(r -> stats.put(r.key(), r.value()));
      FaultWorkload.read(client, Topics.DIVERGENCE, n -> true, Duration.ofSeconds(3)).forEach(r -> gaps.put(r.key(), r.value()));
      wrong = new ArrayList<>();
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        String[] yf = e.getKey().split("\\|");
        SalaryStats s = stats.get("year|" + yf[0] + "|" + yf[1] + "|all|all|all");
        List<Double> values = pay.getOrDefault(e.getKey(), List.of());
        if (s == null || s.count() != e.getValue() || s.salaryCount() != values.size()
            || (!values.isEmpty() && s.median() != median(values))) {
          wrong.add(e.getKey() + ": " + s);
        }
      }
      for (String year : new TreeSet<>(counts.keySet().stream().map(k -> k.split("\\|")[0]).toList())) {
        TreeMap<Double, Long> a = multiset(pay.getOrDefault(year + "|ml_engineer", List.of()));
        TreeMap<Double, Long> b = multiset(pay.getOrDefault(year + "|data_scientist", List.of()));
        SalaryDivergence got = gaps.get("ml_engineer|data_scientist|year|" + year + "|all|all");
        long nA = a.values().stream().mapToLong(Long::longValue).sum();
        long nB = b.values().stream().mapToLong(Long::longValue).sum();
        if (nA >= 30 && nB >= 30 && (got == null || got.nA() != nA || got.nB() != nB
            || got.pValue() != MannWhitney.test(a, b).pValue())) {
          wrong.add("divergence " + year + ": " + got);
        }
      }
      if (wrong.isEmpty()) {
        return;
      }
      Thread.sleep(1000);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(wrong.size() + " yearly statistics or divergences differ from the batch computation,"
        + " e.g. " + wrong.get(0));
  }

  private static double median(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    v.sort(null);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  private static TreeMap<Double, Long> multiset(List<Double> values) {
    TreeMap<Double, Long> m = new TreeMap<>();
    values.forEach(v -> m.merge(v, 1L, Long::sum));
    return m;
  }
}
