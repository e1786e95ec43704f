package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams app in a child JVM, killed with SIGKILL several times while 100,000 postings (with
 * edits and cross-posted copies among them) flow, and restarted each time. Afterwards every raw
 * record is in exactly one of classified or dead letters (exactly-once: none lost, none twice),
 * and the statistics equal a batch computation over the latest classified postings.
 */
@Tag("slow")
class CrashRecoveryTest {

  private static final int POSTINGS = 100_000;

  @TempDir
  Path dir;

  @Test
  void statisticsAreExactAfterRepeatedKills() throws Exception {
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60))) {
      Properties client = new Properties();
      client.put("bootstrap.servers", broker.bootstrapServers());
      TopicSetup.ensureTopics(client);
      List<ProducerRecord<String, byte[]>> records = FaultWorkload.generate(POSTINGS);
      Thread producer = new Thread(() -> FaultWorkload.produce(client, records, 400));
      producer.start();

      Process child = null;
      Random random = new Random(11);
      int kills = 0;
      try {
        for (int round = 0; round < 4; round++) {
          child = startStream(broker.bootstrapServers());
          Thread.sleep(6000 + random.nextInt(4000));
          child.destroyForcibly(); // SIGKILL
          child.waitFor();
          kills++;
        }
        child = startStream(broker.bootstrapServers());
        producer.join();

        // every raw record ends in exactly one of classified or dead letters
        List<ConsumerRecord<String, ClassifiedPosting>> classified =
            FaultWorkload.read(client, Topics.CLASSIFIED, n -> n >= records.size(), Duration.ofMinutes(6));
        List<ConsumerRecord<String, DeadLetter>> dead = FaultWorkload.read(client, Topics.DLQ, n -> true, Duration.ofSeconds(5));
        assertThat(classified.size() + dead.size()).as("classified + dead letters").isEqualTo(records.size());
        assertThat(dead).isEmpty();

        Map<String, ClassifiedPosting> latest = new HashMap<>();
        classified.forEach(r -> latest.put(r.key(), r.value()));
        Map<String, long[]> expected = FaultWorkload.batch(latest.values());
        Map<String, SalaryStats> stats = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
          stats.clear();
          FaultWorkload.read(client, Topics.STATS, n -> true, Duration.ofSeconds(3)).forEach(r -> stats.put(r.key(), r.value()));
          boolean same = expected.entrySet().stream().allMatch(e -> {
            SalaryStats s = stats.get(e.getKey());
            return s != null && s.count() == e.getValue()[0] && s.duplicatesDropped() == e.getValue()[1]
                && s.salaryCount() == e.getValue()[2]
                && (e.getValue()[2] == 0 || Math.round(s.median() * 100) == e.getValue()[3]);
          });
          if (same) {
            break;
          }
          if (System.nanoTime() > deadline) {
            expected.forEach((k, v) -> assertThat(stats.get(k)).as(k).isNotNull());
            expected.forEach((k, v) -> assertThat(new long[] {stats.get(k).count(), stats.get(k).duplicatesDropped(),
                stats.get(k).salaryCount()}).as(k).containsExactly(v[0], v[1], v[2]));
            throw new AssertionError("medians differ");
          }
          Thread.sleep(2000);
        }
        assertThat(kills).isEqualTo(4);
      } finally {
        if (child != null) {
          child.destroyForcibly();
          child.waitFor();
        }
      }
    }
  }

  private Process startStream(String bootstrap) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "io.jobstream.app.cli.JobstreamCli", "stream", "--bootstrap-servers", bootstrap,
        "--state-dir", dir.resolve("streams").toString(), "--application-id", "crash-test",
        "--window", "month", "--query-port", "0");
    builder.redirectErrorStream(true);
    builder.redirectOutput(dir.resolve("child.log").toFile());
    return builder.start();
  }
}
