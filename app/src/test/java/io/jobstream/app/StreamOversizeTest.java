package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.jobstream.aggregate.JobstreamTopology;
import io.jobstream.aggregate.StreamApp;
import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw records near the broker's limit written by another client (kcat, librdkafka): the stream
 * classifies a 950 KB posting into a small record, dead-letters one whose title is 950 KB and one
 * whose classified record would be larger than the classified topic takes (lowered to 3,000 bytes
 * here, read from the cluster at start), and keeps running: the posting after them is classified. Needs {@code kcat} (Debian's kafkacat); {@code .ci/run} installs it and sets
 * {@code JOBSTREAM_REQUIRE_KCAT}, without which the test is skipped when kcat is missing.
 */
@Tag("integration")
class StreamOversizeTest {

  @TempDir
  Path dir;

  @Test
  void recordsNearTheLimitAreClassifiedOrDeadLetteredAndTheStreamKeepsRunning() throws Exception {
    Path kcat = kcat();
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60))) {
      Properties client = new Properties();
      client.put("bootstrap.servers", broker.bootstrapServers());
      TopicSetup.ensureTopics(client);
      // the classified topic takes at most 3,000 bytes a record, so a posting with a long title,
      // company and URL (within what a classified posting carries) would be refused by the broker
      try (Admin admin = Admin.create(client)) {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CLASSIFIED.name());
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
            new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "3000"), AlterConfigOp.OpType.SET))))
            .all().get(30, TimeUnit.SECONDS);
        // the broker applies the change from its metadata log a moment later
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"3000".equals(admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
            .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value())) {
          assertThat(System.nanoTime()).as("the topic's new limit in effect").isLessThan(deadline);
          Thread.sleep(200);
        }
      }
      Properties settings = new Properties();
      settings.putAll(client);
      settings.put(JobstreamConfig.WINDOWS_CONFIG, "year");
      settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "500");
      try (StreamApp app = StreamApp.start(StreamApp.streamsConfig(settings, dir.resolve("streams")))) {
        assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
        send(kcat, broker, "big-description", posting("big-description", "Data Scientist", "Acme", null,
            "Train models. ".repeat(68_000)));
        send(kcat, broker, "big-title", posting("big-title", "Data Scientist " + "x".repeat(950_000), "Acme", null,
            "Train models."));
        send(kcat, broker, "refused", posting("refused", "Data Scientist " + "y".repeat(980), "C".repeat(990),
            "https://jobs.example/" + "z".repeat(3_000), "Train models."));
        send(kcat, broker, "after", posting("after", "Data Engineer", "Acme", null, "Pipelines."));

        List<ClassifiedPosting> classified = FaultWorkload.read(client, Topics.CLASSIFIED, n -> n >= 2,
            Duration.ofSeconds(90)).stream().map(ConsumerRecord::value).toList();
        assertThat(classified).extracting(ClassifiedPosting::postingId).containsExactly("big-description", "after");
        assertThat(classified.get(0).family()).isEqualTo("data_scientist");
        List<DeadLetter> dead = FaultWorkload.read(client, Topics.DLQ, n -> n >= 2, Duration.ofSeconds(60)).stream()
            .map(ConsumerRecord::value).toList();
        assertThat(dead).extracting(DeadLetter::reason).containsExactly("too_large", "too_large");
        assertThat(dead).extracting(DeadLetter::key).containsExactlyInAnyOrder("big-title", "refused");
        assertThat(dead).filteredOn(d -> d.key().equals("refused")).singleElement()
            .satisfies(d -> assertThat(d.detail()).contains("more than the 3,000 its topic takes"));
        assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      }
    }
  }

  private static String posting(String id, String title, String company, String url, String description) {
    return "{\"schemaVersion\":1,\"source\":\"kcat\",\"postingId\":\"" + id + "\",\"title\":\"" + title
        + "\",\"company\":\"" + company + "\"" + (url == null ? "" : ",\"url\":\"" + url + "\"")
        + ",\"datePosted\":\"2024-05-01\",\"description\":\"" + description + "\"}";
  }

  private void send(Path kcat, EmbeddedKafkaBroker broker, String key, String value) throws Exception {
    Path file = dir.resolve(key + ".json");
    Files.writeString(file, value, StandardCharsets.UTF_8);
    // one file is one message; librdkafka's own partitioner, as Python's confluent-kafka uses
    Process p = new ProcessBuilder(kcat.toString(), "-P", "-b", broker.bootstrapServers(), "-t", Topics.RAW.name(),
        "-k", key, "-X", "message.max.bytes=2000000", file.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve(key + ".log").toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve(key + ".log"))).isZero();
  }

  private static Path kcat() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(d, "kcat");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = "kcat is not installed: the test of records written by another client did NOT run."
        + " Install it with `apt-get install kafkacat` (.ci/run does).";
    if (System.getenv("JOBSTREAM_REQUIRE_KCAT") != null) {
      fail(message);
    }
    Assumptions.abort(message);
    return null;
  }
}
