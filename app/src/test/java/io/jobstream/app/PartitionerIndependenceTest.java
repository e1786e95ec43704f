package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.jobstream.aggregate.JobstreamTopology;
import io.jobstream.aggregate.StreamApp;
import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input from producers whose partitioner is not Java's, on a real broker and the streams app with
 * exactly-once: 60 postings published by {@code jobstream ingest}, then 10 new postings, new
 * versions of 10 of the first with another title and pay, new versions of 5 of the new ones and 3
 * tombstones, written by another producer: the statistics must end exactly as when {@code jobstream
 * ingest} and {@code jobstream delete} write them all. The other producers: Java's with a
 * partitioner that puts every record on a partition Java's default would not, a different one
 * each time for a key; and {@code kcat} (librdkafka's default partitioner, CRC32, as Python's
 * confluent-kafka uses), skipped when kcat is missing unless {@code JOBSTREAM_REQUIRE_KCAT} is set.
 */
@Tag("integration")
class PartitionerIndependenceTest {

  private static final JsonSerde<RawPosting> RAW = JsonSerde.of(RawPosting.class);
  private static final String[] TITLES = {"Data Scientist", "Machine Learning Engineer", "Data Engineer"};
  /** Postings left in May 2024 after the three rounds: 70 published, 3 deleted. */
  private static final long EXPECTED_POSTINGS = 67;

  @TempDir
  static Path dir;

  /** The latest statistics per key when jobstream ingest and jobstream delete write everything. */
  private static Map<String, String> reference;

  /** Sends a round of postings and tombstones to jobs.postings.raw. */
  private interface Writer {
    void write(EmbeddedKafkaBroker broker, List<RawPosting> postings, List<String> tombstones) throws Exception;
  }

  @BeforeAll
  static void writtenByIngestAndDelete() throws Exception {
    // the streams app's meters (jobstream.stream.rerouted) are read from the global registry
    io.micrometer.core.instrument.Metrics.addRegistry(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    Result r = run("java", PartitionerIndependenceTest::ingestAndDelete);
    assertThat(total(r.stats())).isEqualTo(EXPECTED_POSTINGS);
    assertThat(r.rerouted()).as("records re-routed when Java's partitioner wrote them all").isZero();
    reference = r.stats();
  }

  @Test
  void aPartitionerThatNeverPicksJavasPartitionLeavesTheSameStatistics() throws Exception {
    Result r = run("scatter", (broker, postings, tombstones) -> {
      Properties props = new Properties();
      props.put("bootstrap.servers", broker.bootstrapServers());
      props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, ScatteringPartitioner.class.getName());
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
        postings.forEach(p -> producer.send(new ProducerRecord<>(Topics.RAW.name(), p.postingId(), RAW.write(p))));
        tombstones.forEach(id -> producer.send(new ProducerRecord<>(Topics.RAW.name(), id, null)));
      }
    });
    assertThat(total(r.stats())).isEqualTo(EXPECTED_POSTINGS);
    assertThat(r.stats()).isEqualTo(reference);
    // every record the other producer wrote (20 + 8) went the long way, and only those
    assertThat(r.rerouted()).isEqualTo(28);
  }

  @Test
  void kcatWithLibrdkafkasPartitionerLeavesTheSameStatistics() throws Exception {
    Path kcat = kcat();
    Result r = run("kcat", (broker, postings, tombstones) -> {
      StringBuilder lines = new StringBuilder();
      postings.forEach(p -> lines.append(p.postingId()).append('\t')
          .append(new String(RAW.write(p), StandardCharsets.UTF_8)).append('\n'));
      tombstones.forEach(id -> lines.append(id).append('\t').append('\n'));
      Path file = Files.createTempFile(dir, "kcat-", ".txt");
      Files.writeString(file, lines, StandardCharsets.UTF_8);
      // from standard input a line is a message (a file named would be one message); -Z: an
      // empty value is a null value, a tombstone
      Process p = new ProcessBuilder(kcat.toString(), "-P", "-b", broker.bootstrapServers(), "-t", Topics.RAW.name(),
          "-K", "\t", "-Z", "-X", "partitioner=consistent_random")
          .redirectInput(file.toFile()).redirectErrorStream(true)
          .redirectOutput(dir.resolve(file.getFileName() + ".log").toFile()).start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(dir.resolve(file.getFileName() + ".log"))).isZero();
    });
    assertThat(total(r.stats())).isEqualTo(EXPECTED_POSTINGS);
    assertThat(r.stats()).isEqualTo(reference);
    assertThat(r.rerouted()).isPositive();
  }

  private record Result(Map<String, String> stats, long rerouted) {}

  /**
   * On a broker of its own: the streams app, 60 postings by jobstream ingest, then the other
   * rounds by {@code writer}, each once the last is classified; the latest statistics (without
   * their computation time) and the records re-routed by posting id.
   */
  private static Result run(String name, Writer writer) throws Exception {
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve(name + "-broker"), 0)
        .start(Duration.ofSeconds(60))) {
      Properties client = new Properties();
      client.put("bootstrap.servers", broker.bootstrapServers());
      TopicSetup.ensureTopics(client);
      Properties settings = new Properties();
      settings.putAll(client);
      settings.put(JobstreamConfig.WINDOWS_CONFIG, "month");
      settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "partitioner-test");
      settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "300");
      try (StreamApp app = StreamApp.start(StreamApp.streamsConfig(settings, dir.resolve(name + "-streams")))) {
        assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
        long reroutedBefore = rerouted();
        List<RawPosting> first = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
          first.add(posting(i, TITLES[i % TITLES.length], 100_000 + 1_000 * i));
        }
        ingestAndDelete(broker, first, List.of());
        awaitClassified(client, 60);

        List<RawPosting> second = new ArrayList<>();
        for (int i = 60; i < 70; i++) {
          second.add(posting(i, TITLES[i % TITLES.length], 100_000 + 1_000 * i));
        }
        for (int i = 0; i < 10; i++) {
          second.add(posting(i, "Senior Data Scientist", 200_000 + 1_000 * i));
        }
        writer.write(broker, second, List.of());
        awaitClassified(client, 80);

        List<RawPosting> third = new ArrayList<>();
        for (int i = 60; i < 65; i++) {
          third.add(posting(i, "Senior Machine Learning Engineer", 250_000 + 1_000 * i));
        }
        writer.write(broker, third, List.of("probe:5", "probe:50", "probe:65"));
        awaitClassified(client, 88);
        return new Result(awaitStats(client), rerouted() - reroutedBefore);
      }
    }
  }

  /** The writer of {@code jobstream ingest} (a JSON-lines file) and {@code jobstream delete}, Java's partitioner. */
  private static void ingestAndDelete(EmbeddedKafkaBroker broker, List<RawPosting> postings, List<String> tombstones)
      throws Exception {
    if (!postings.isEmpty()) {
      Path file = Files.createTempFile(dir, "round-", ".jsonl");
      Files.write(file, postings.stream().map(p -> new String(RAW.write(p), StandardCharsets.UTF_8)).toList(),
          StandardCharsets.UTF_8);
      assertThat(JobstreamCli.commandLine().execute("ingest", "--bootstrap-servers", broker.bootstrapServers(),
          "--once", "--source", "jsonl:" + file)).isZero();
    }
    if (!tombstones.isEmpty()) {
      List<String> args = new ArrayList<>(List.of("delete", "--bootstrap-servers", broker.bootstrapServers()));
      args.addAll(tombstones);
      assertThat(JobstreamCli.commandLine().execute(args.toArray(String[]::new))).isZero();
    }
  }

  /** A posting in May 2024; two of three have a company and description, so they go through the cluster stage. */
  private static RawPosting posting(int i, String title, int pay) {
    String id = "probe:" + i;
    boolean described = i % 3 != 0;
    return new RawPosting(1, "jsonl", id, id, null, title, described ? "Company " + i : null,
        new Location(null, null, "US", "US"), false, null, LocalDate.of(2024, 5, 1).plusDays(i % 28), null,
        described ? "Posting " + i + " about " + title : null, null,
        new SalaryGiven("USD", null, BigDecimal.valueOf(pay), BigDecimal.valueOf(pay + 10_000), "YEAR", null),
        Instant.parse("2024-06-01T00:00:00Z"), null);
  }

  private static void awaitClassified(Properties client, int records) {
    FaultWorkload.read(client, Topics.CLASSIFIED, n -> n >= records, Duration.ofSeconds(90));
  }

  /**
   * The latest statistics per key (tombstoned keys left out) once the month holds the expected
   * postings and two reads a second apart agree, or after a minute (so that a wrong figure fails
   * the comparison rather than the wait).
   */
  private static Map<String, String> awaitStats(Properties client) throws InterruptedException {
    Map<String, String> last = Map.of();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Map<String, String> now = new TreeMap<>();
      FaultWorkload.read(client, Topics.STATS, n -> true, Duration.ofSeconds(30)).forEach(r -> {
        if (r.value() == null) {
          now.remove(r.key());
        } else {
          now.put(r.key(), r.value().toString().replace("updatedAt=" + r.value().updatedAt(), ""));
        }
      });
      if (now.equals(last) && total(now) == EXPECTED_POSTINGS) {
        return now;
      }
      last = now;
      Thread.sleep(1000);
    }
    return last;
  }

  /** Postings counted in May 2024, over every family (roll-up slices). */
  private static long total(Map<String, String> stats) {
    return stats.entrySet().stream()
        .filter(e -> e.getKey().startsWith("month|2024-05-01|") && e.getKey().endsWith("|all|all|all"))
        .mapToLong(e -> Long.parseLong(e.getValue().replaceAll(".*[\\[ ]count=(\\d+),.*", "$1")))
        .sum();
  }

  /** Raw records re-routed to the task owning their posting id so far (this JVM's streams apps). */
  private static long rerouted() {
    io.micrometer.core.instrument.Counter counter =
        io.micrometer.core.instrument.Metrics.globalRegistry.find("jobstream.stream.rerouted").counter();
    return counter == null ? 0 : Math.round(counter.count());
  }

  /**
   * Every record on a partition Java's default partitioner would not pick for its key, and a
   * different one for each record of a key in turn (as a producer that chooses partitions by load
   * might): the versions of one posting land on different partitions.
   */
  public static final class ScatteringPartitioner implements Partitioner {

    private static final AtomicLong SENT = new AtomicLong();

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
      int partitions = cluster.partitionCountForTopic(topic);
      int javas = Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
      return (int) ((javas + 1 + SENT.getAndIncrement() % (partitions - 1)) % partitions);
    }

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public void close() {}
  }

  private static Path kcat() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(d, "kcat");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = "kcat is not installed: the test of records written with librdkafka's partitioner did NOT run."
        + " Install it with `apt-get install kafkacat` (.ci/run does).";
    if (System.getenv("JOBSTREAM_REQUIRE_KCAT") != null) {
      fail(message);
    }
    Assumptions.abort(message);
    return null;
  }
}
