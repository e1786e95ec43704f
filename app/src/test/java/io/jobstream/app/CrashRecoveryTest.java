package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topic;
import io.jobstream.model.Topics;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

  private static final String[] TITLES = {"Data Scientist", "Senior Data Scientist", "Machine Learning Engineer",
      "Data Engineer", "Data Analyst", "Software Engineer", "Registered Nurse", "Quantitative Analyst"};
  private static final int POSTINGS = 100_000;

  @TempDir
  Path dir;

  @Test
  void statisticsAreExactAfterRepeatedKills() throws Exception {
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60))) {
      Properties client = new Properties();
      client.put("bootstrap.servers", broker.bootstrapServers());
      TopicSetup.ensureTopics(client);
      List<ProducerRecord<String, byte[]>> records = generate();
      Thread producer = new Thread(() -> produce(client, records));
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
            read(client, Topics.CLASSIFIED, n -> n >= records.size(), Duration.ofMinutes(6));
        List<ConsumerRecord<String, DeadLetter>> dead = read(client, Topics.DLQ, n -> true, Duration.ofSeconds(5));
        assertThat(classified.size() + dead.size()).as("classified + dead letters").isEqualTo(records.size());
        assertThat(dead).isEmpty();

        Map<String, ClassifiedPosting> latest = new HashMap<>();
        classified.forEach(r -> latest.put(r.key(), r.value()));
        Map<String, long[]> expected = batch(latest.values());
        Map<String, SalaryStats> stats = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
          stats.clear();
          read(client, Topics.STATS, n -> true, Duration.ofSeconds(3)).forEach(r -> stats.put(r.key(), r.value()));
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

  /** Postings over six months; every 10th is a later edit of an earlier one, every 20th a cross-posted copy. */
  private static List<ProducerRecord<String, byte[]>> generate() {
    Random random = new Random(42);
    JsonSerde<RawPosting> serde = JsonSerde.of(RawPosting.class);
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    List<RawPosting> made = new ArrayList<>();
    for (int i = 0; i < POSTINGS; i++) {
      RawPosting p;
      if (i % 10 == 9 && !made.isEmpty()) {
        RawPosting old = made.get(random.nextInt(made.size()));
        p = with(old, old.postingId(), old.company(), old.description(), 40_000 + 1000 * random.nextInt(200));
      } else if (i % 20 == 19 && !made.isEmpty()) {
        RawPosting old = made.get(random.nextInt(made.size()));
        p = with(old, "copy-" + i, old.company(), old.description(), old.salary().min().intValue());
      } else {
        String title = TITLES[random.nextInt(TITLES.length)];
        LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(180));
        int pay = 40_000 + 1000 * random.nextInt(200);
        p = new RawPosting(1, "jsonl", "p" + i, "p" + i, null, title, "Company " + random.nextInt(500),
            new Location(null, null, "US", "US"), random.nextBoolean(), null, day, null,
            "Posting " + i + " about " + title, null,
            new SalaryGiven("USD", null, BigDecimal.valueOf(pay), BigDecimal.valueOf(pay + 10_000), "YEAR", null),
            Instant.parse("2024-07-01T00:00:00Z"), null);
        made.add(p);
      }
      out.add(new ProducerRecord<>(Topics.RAW.name(), p.postingId(), serde.write(p)));
    }
    return out;
  }

  private static RawPosting with(RawPosting p, String id, String company, String description, int pay) {
    return new RawPosting(1, p.source(), id, id, null, p.title(), company, p.location(), p.remote(), null,
        p.datePosted(), null, description, null,
        new SalaryGiven("USD", null, BigDecimal.valueOf(pay), BigDecimal.valueOf(pay + 10_000), "YEAR", null),
        p.fetchedAt(), null);
  }

  private static void produce(Properties client, List<ProducerRecord<String, byte[]>> records) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < records.size(); i++) {
        producer.send(records.get(i));
        if (i % 5000 == 4999) {
          producer.flush();
          try {
            Thread.sleep(400); // spread the flow over the kills
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
      producer.flush();
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

  /** Per month and family (roll-up): count, duplicates dropped, salary count, median x 100. */
  private static Map<String, long[]> batch(Iterable<ClassifiedPosting> postings) {
    Map<String, List<ClassifiedPosting>> clusters = new TreeMap<>();
    for (ClassifiedPosting p : postings) {
      String key = p.duplicateKey() == null ? "id|" + p.postingId()
          : p.duplicateKey() + "|" + Math.floorDiv(p.eventDate().toEpochDay(), 60);
      clusters.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    Map<String, List<Double>> pay = new HashMap<>();
    Map<String, long[]> out = new HashMap<>();
    for (List<ClassifiedPosting> cluster : clusters.values()) {
      cluster.sort(Comparator.comparing(ClassifiedPosting::eventDate).thenComparing(ClassifiedPosting::postingId));
      ClassifiedPosting kept = cluster.get(0);
      String key = "month|" + kept.eventDate().withDayOfMonth(1) + "|" + kept.family() + "|all|all|all";
      long[] v = out.computeIfAbsent(key, k -> new long[4]);
      v[0]++;
      v[1] += cluster.size() - 1;
      if (kept.pay() != null && kept.pay().reportingMidpoint() != null) {
        v[2]++;
        pay.computeIfAbsent(key, k -> new ArrayList<>()).add(kept.pay().reportingMidpoint());
      }
    }
    pay.forEach((key, values) -> {
      values.sort(Double::compare);
      int n = values.size();
      double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
      out.get(key)[3] = Math.round(median * 100);
    });
    return out;
  }

  private static <V> List<ConsumerRecord<String, V>> read(Properties client, Topic<String, V> topic,
      java.util.function.IntPredicate done, Duration timeout) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
        topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        boolean atEnd = partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
        if (atEnd && done.test(records.size())) {
          return records;
        }
      }
    }
    if (done.test(records.size())) {
      return records;
    }
    throw new AssertionError("timed out reading " + topic.name() + ": " + records.size() + " records");
  }
}
