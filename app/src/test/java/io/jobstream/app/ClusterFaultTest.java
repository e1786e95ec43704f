package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.stats.MannWhitney;
import io.jobstream.aggregate.stats.MedianGap;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults as production meets them, after Kafka's own exactly-once system test
 * ({@code streams_eos_test.py}): three brokers (replication factor 3, {@code min.insync.replicas}
 * 2) and three instances of the streams app, each its own JVM, while 100,000 postings with edits
 * and cross-posted copies flow. During the flow one broker is killed (SIGKILL) and restarted, one
 * instance is killed and restarted, and every instance is restarted in turn. Afterwards every raw
 * record is in exactly one of classified or dead letters, the monthly statistics and divergences
 * equal a batch computation over the classified postings, and no transaction is left open.
 */
@Tag("slow")
class ClusterFaultTest {

  private static final int POSTINGS = 100_000;
  private static final List<String> PAIRS = List.of("ml_engineer|data_scientist", "data_engineer|data_analyst");

  @TempDir
  Path dir;

  private final Map<String, Process> processes = new HashMap<>();
  private final Map<String, List<String>> commands = new HashMap<>();

  @Test
  void exactStatisticsThroughKilledBrokersKilledInstancesAndARollingRestart() throws Exception {
    int[] ports = {freePort(), freePort(), freePort()};
    int[] controllers = {freePort(), freePort(), freePort()};
    String quorum = "1@127.0.0.1:" + controllers[0] + ",2@127.0.0.1:" + controllers[1] + ",3@127.0.0.1:" + controllers[2];
    String bootstrap = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1] + ",127.0.0.1:" + ports[2];
    try {
      for (int i = 1; i <= 3; i++) {
        start("broker-" + i, "broker", "--node-id", "" + i, "--port", "" + ports[i - 1],
            "--controller-quorum", quorum, "--data-dir", dir.resolve("kafka-" + i).toString());
      }
      Properties client = new Properties();
      client.put("bootstrap.servers", bootstrap);
      awaitBrokers(client, 3, Duration.ofMinutes(3));
      TopicSetup.ensureTopics(client);
      assertReplicated(client);

      for (int i = 1; i <= 3; i++) {
        start("stream-" + i, "stream", "--bootstrap-servers", bootstrap, "--state-dir",
            dir.resolve("streams-" + i).toString(), "--application-id", "fault-test", "--window", "month",
            "--query-port", "0", "--metrics-port", "-2");
      }
      List<ProducerRecord<String, byte[]>> records = FaultWorkload.generate(POSTINGS);
      Thread producer = new Thread(() -> FaultWorkload.produce(client, records, 1500));
      producer.start();
      long began = System.nanoTime();

      Thread.sleep(10_000);
      kill("broker-2");
      Thread.sleep(8_000);
      restart("broker-2");
      Thread.sleep(8_000);
      kill("stream-1");
      Thread.sleep(3_000);
      restart("stream-1");
      Thread.sleep(10_000);
      for (int i = 1; i <= 3; i++) {
        stop("stream-" + i);
        restart("stream-" + i);
        Thread.sleep(8_000);
      }
      producer.join();
      System.out.printf("fault test: %d records produced, faults done after %.0f s%n", records.size(),
          (System.nanoTime() - began) / 1e9);

      // every raw record ends in exactly one of classified or dead letters: none lost, none twice
      List<ConsumerRecord<String, ClassifiedPosting>> classified =
          FaultWorkload.read(client, Topics.CLASSIFIED, n -> n >= records.size(), Duration.ofMinutes(10));
      List<ConsumerRecord<String, DeadLetter>> dead = FaultWorkload.read(client, Topics.DLQ, n -> true, Duration.ofSeconds(5));
      assertThat(classified.size() + dead.size()).as("classified + dead letters").isEqualTo(records.size());
      assertThat(dead).isEmpty();
      System.out.printf("fault test: all %d classified after %.0f s%n", classified.size(),
          (System.nanoTime() - began) / 1e9);

      Map<String, ClassifiedPosting> latest = new HashMap<>();
      classified.forEach(r -> latest.put(r.key(), r.value()));
      awaitBatchEqual(client, latest.values(), Duration.ofMinutes(6));
      System.out.printf("fault test: statistics and divergences equal the batch computation after %.0f s%n",
          (System.nanoTime() - began) / 1e9);

      for (int i = 1; i <= 3; i++) {
        stop("stream-" + i);
      }
      assertNoOpenTransaction(client, Duration.ofSeconds(60));
    } finally {
      for (Process p : processes.values()) {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private void awaitBatchEqual(Properties client, Collection<ClassifiedPosting> postings, Duration wait)
      throws InterruptedException {
    Map<String, long[]> expected = FaultWorkload.batch(postings);
    Map<String, TreeMap<Double, Long>> pay = FaultWorkload.countedPay(postings);
    Map<String, SalaryStats> stats = new HashMap<>();
    Map<String, SalaryDivergence> gaps = new HashMap<>();
    long deadline = System.nanoTime() + wait.toNanos();
    List<String> wrong;
    do {
      stats.clear();
      gaps.clear();
      FaultWorkload.read(client, Topics.STATS, n -> true, Duration.ofSeconds(3)).forEach(r -> stats.put(r.key(), r.value()));
      FaultWorkload.read(client, Topics.DIVERGENCE, n -> true, Duration.ofSeconds(3)).forEach(r -> gaps.put(r.key(), r.value()));
      wrong = new ArrayList<>();
      for (Map.Entry<String, long[]> e : expected.entrySet()) {
        SalaryStats s = stats.get(e.getKey());
        long[] v = e.getValue();
        if (s == null || s.count() != v[0] || s.duplicatesDropped() != v[1] || s.salaryCount() != v[2]
            || (v[2] > 0 && Math.round(s.median() * 100) != v[3])) {
          wrong.add(e.getKey() + " expected " + java.util.Arrays.toString(v) + ", got " + s);
        }
      }
      for (String month : months(expected)) {
        for (String pair : PAIRS) {
          wrong.addAll(divergenceMismatch(pair, month, pay, gaps));
        }
      }
      if (wrong.isEmpty()) {
        return;
      }
      Thread.sleep(2000);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(wrong.size() + " statistics or divergences differ from the batch computation, e.g. "
        + wrong.get(0));
  }

  private static Set<String> months(Map<String, long[]> expected) {
    Set<String> months = new java.util.TreeSet<>();
    expected.keySet().forEach(k -> months.add(k.split("\\|")[1]));
    return months;
  }

  /** The month's divergence of a pair against the batch: both sides' n, medians and p-value. */
  private static List<String> divergenceMismatch(String pair, String month, Map<String, TreeMap<Double, Long>> pay,
      Map<String, SalaryDivergence> gaps) {
    String[] ab = pair.split("\\|");
    TreeMap<Double, Long> a = pay.getOrDefault(month + "|" + ab[0], new TreeMap<>());
    TreeMap<Double, Long> b = pay.getOrDefault(month + "|" + ab[1], new TreeMap<>());
    long nA = a.values().stream().mapToLong(Long::longValue).sum();
    long nB = b.values().stream().mapToLong(Long::longValue).sum();
    String key = pair + "|month|" + month + "|all|all";
    SalaryDivergence got = gaps.get(key);
    if (nA < 30 || nB < 30) {
      return got == null ? List.of() : List.of(key + ": expected none (n " + nA + ", " + nB + "), got " + got);
    }
    MedianGap gap = MedianGap.of(a, b, 0.95);
    MannWhitney test = MannWhitney.test(a, b);
    if (got == null || got.nA() != nA || got.nB() != nB || got.medianA() != gap.medianA()
        || got.medianB() != gap.medianB() || Math.abs(got.pValue() - test.pValue()) > 1e-12 * Math.max(1, test.pValue())) {
      return List.of(key + ": expected n " + nA + ", " + nB + ", medians " + gap.medianA() + ", " + gap.medianB()
          + ", p " + test.pValue() + "; got " + got);
    }
    return List.of();
  }

  private static void assertReplicated(Properties client) throws Exception {
    try (Admin admin = Admin.create(client)) {
      Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.RAW.name(), Topics.STATS.name()))
          .allTopicNames().get(30, TimeUnit.SECONDS);
      topics.values().forEach(t -> t.partitions().forEach(p ->
          assertThat(p.replicas()).as(t.name() + " replicas").hasSize(3)));
      ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW.name());
      Config config = admin.describeConfigs(List.of(raw)).all().get(30, TimeUnit.SECONDS).get(raw);
      assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
    }
  }

  private static void assertNoOpenTransaction(Properties client, Duration wait) throws Exception {
    Set<TransactionState> done = EnumSet.of(TransactionState.COMPLETE_COMMIT, TransactionState.COMPLETE_ABORT,
        TransactionState.EMPTY);
    List<String> open = List.of();
    long deadline = System.nanoTime() + wait.toNanos();
    try (Admin admin = Admin.create(client)) {
      do {
        Collection<TransactionListing> all = admin.listTransactions().all().get(30, TimeUnit.SECONDS);
        assertThat(all).as("the app's transactional producers").isNotEmpty();
        open = all.stream().filter(t -> !done.contains(t.state()))
            .map(t -> t.transactionalId() + " " + t.state()).toList();
        if (open.isEmpty()) {
          return;
        }
        Thread.sleep(1000);
      } while (System.nanoTime() < deadline);
    }
    throw new AssertionError("transactions left open: " + open);
  }

  private static void awaitBrokers(Properties client, int count, Duration wait) throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    try (Admin admin = Admin.create(client)) {
      while (true) {
        try {
          if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == count) {
            return;
          }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          // not up yet
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(count + " brokers not up after " + wait);
        }
        Thread.sleep(500);
      }
    }
  }

  private void start(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-cp", System.getProperty("java.class.path"), "io.jobstream.app.cli.JobstreamCli"));
    command.addAll(List.of(args));
    commands.put(name, command);
    restart(name);
  }

  private void restart(String name) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(commands.get(name));
    builder.redirectErrorStream(true);
    Path log = dir.resolve(name + ".log");
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    processes.put(name, builder.start());
  }

  /** SIGKILL: no shutdown hook, no clean close. */
  private void kill(String name) throws InterruptedException {
    Process p = processes.get(name);
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  /** SIGTERM: the command closes cleanly, as in a rolling restart. */
  private void stop(String name) throws InterruptedException {
    Process p = processes.get(name);
    p.destroy();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " did not stop within 90 s; log: " + tail(dir.resolve(name + ".log")));
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }
}
