package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash between combining changes and sending them: the streams app in a child JVM combines for
 * ten minutes, so every change of 1,500 postings sits in an open batch when the input is
 * committed; it is killed with SIGKILL, and started again with the default combine interval. The
 * batches come back from their store's changelog and are sent once: the statistics equal a batch
 * computation over the classified postings (a lost batch would leave them short, a batch sent and
 * its changes counted again would double them).
 */
@Tag("slow")
class CombinedChangesCrashTest {

  private static final int POSTINGS = 1_500;
  private static final String APP = "combine-crash";

  @TempDir
  Path dir;

  @Test
  void changesInOpenBatchesAtACrashAreCountedOnce() throws Exception {
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60))) {
      Properties client = new Properties();
      client.put("bootstrap.servers", broker.bootstrapServers());
      TopicSetup.ensureTopics(client);
      List<ProducerRecord<String, byte[]>> records = FaultWorkload.generate(POSTINGS);
      FaultWorkload.produce(client, records, 0);

      Process child = startStream(broker.bootstrapServers(), Duration.ofMinutes(10));
      try {
        List<ConsumerRecord<String, ClassifiedPosting>> classified =
            FaultWorkload.read(client, Topics.CLASSIFIED, n -> n >= records.size(), Duration.ofMinutes(3));
        awaitInputCommitted(client, Duration.ofMinutes(2));
        assertThat(FaultWorkload.read(client, Topics.STATS, n -> true, Duration.ofSeconds(2)))
            .as("no batch sent before the crash: the changes are all in open batches").isEmpty();
        child.destroyForcibly(); // SIGKILL
        child.waitFor();

        child = startStream(broker.bootstrapServers(), Duration.ofSeconds(1));
        Map<String, ClassifiedPosting> latest = new HashMap<>();
        classified.forEach(r -> latest.put(r.key(), r.value()));
        Map<String, long[]> expected = FaultWorkload.batch(latest.values());
        Map<String, SalaryStats> stats = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
          stats.clear();
          FaultWorkload.read(client, Topics.STATS, n -> true, Duration.ofSeconds(2))
              .forEach(r -> stats.put(r.key(), r.value()));
          boolean same = !stats.isEmpty() && expected.entrySet().stream().allMatch(e -> stats.get(e.getKey()) != null
              && stats.get(e.getKey()).count() == e.getValue()[0]
              && stats.get(e.getKey()).salaryCount() == e.getValue()[2]);
          if (same || System.nanoTime() > deadline) {
            break;
          }
          Thread.sleep(2000);
        }
        expected.forEach((key, v) -> {
          assertThat(stats.get(key)).as(key).isNotNull();
          assertThat(new long[] {stats.get(key).count(), stats.get(key).duplicatesDropped(),
              stats.get(key).salaryCount()}).as(key).containsExactly(v[0], v[1], v[2]);
          if (v[2] > 0) {
            assertThat(Math.round(stats.get(key).median() * 100)).as(key).isEqualTo(v[3]);
          }
        });
      } finally {
        child.destroyForcibly();
        child.waitFor();
      }
    }
  }

  /** Waits until the app has committed every record of the raw topic and of the cluster repartition. */
  private static void awaitInputCommitted(Properties client, Duration timeout) throws Exception {
    try (Admin admin = Admin.create(client)) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        Set<String> topics = Set.of(Topics.RAW.name(), APP + "-changes-by-copy-block-repartition");
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(APP).partitionsToOffsetAndMetadata().get();
        Set<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
            .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
            .collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
            .all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        boolean done = partitions.stream().allMatch(tp -> ends.get(tp) == 0
            || (committed.get(tp) != null && committed.get(tp).offset() >= ends.get(tp)));
        if (done) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("input not committed: committed " + committed + ", ends " + ends);
        }
        Thread.sleep(500);
      }
    }
  }

  private Process startStream(String bootstrap, Duration combineInterval) throws Exception {
    Path config = dir.resolve("stream-" + combineInterval.toMillis() + ".properties");
    Files.writeString(config, JobstreamConfig.COMBINE_INTERVAL_CONFIG + "=" + combineInterval.toMillis() + "\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "io.jobstream.app.cli.JobstreamCli", "stream", "--bootstrap-servers", bootstrap, "--config", config.toString(),
        "--state-dir", dir.resolve("streams").toString(), "--application-id", APP,
        "--window", "month", "--query-port", "0");
    builder.redirectErrorStream(true);
    builder.redirectOutput(dir.resolve("child-" + combineInterval.toMillis() + ".log").toFile());
    return builder.start();
  }
}
