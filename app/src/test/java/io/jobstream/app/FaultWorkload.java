package io.jobstream.app;

import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import io.jobstream.model.Topic;
import io.jobstream.model.Topics;
import java.math.BigDecimal;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The workload of the fault tests: postings with edits and cross-posted copies, a paced producer,
 * the batch computation the statistics must equal, and a reader of committed records.
 */
final class FaultWorkload {

  static final String[] TITLES = {"Data Scientist", "Senior Data Scientist", "Machine Learning Engineer",
      "Data Engineer", "Data Analyst", "Software Engineer", "Registered Nurse", "Quantitative Analyst"};

  private FaultWorkload() {}

  /** Postings over six months; every 10th is a later edit of an earlier one, every 20th a cross-posted copy. */
  static List<ProducerRecord<String, byte[]>> generate(int postings) {
    Random random = new Random(42);
    JsonSerde<RawPosting> serde = JsonSerde.of(RawPosting.class);
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    List<RawPosting> made = new ArrayList<>();
    for (int i = 0; i < postings; i++) {
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

  /**
   * Produces the records in batches of 5,000, pausing {@code pauseMs} after each, to spread the
   * flow, with the settings of ingest's producers (one request in flight: with five, on a loaded
   * machine, a batch was once refused as out of sequence and its 30 records never written). A
   * record that cannot be written fails the caller, naming the cause.
   */
  static void produce(Properties client, List<ProducerRecord<String, byte[]>> records, long pauseMs) {
    Properties props = io.jobstream.ingest.publish.KafkaPostingSink.producerSettings(client);
    List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < records.size(); i++) {
        sent.add(producer.send(records.get(i)));
        if (i % 5000 == 4999) {
          producer.flush();
          try {
            Thread.sleep(pauseMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
      producer.flush();
    }
    for (int i = 0; i < sent.size(); i++) {
      try {
        sent.get(i).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        throw new AssertionError("the workload's producer could not write record " + i + " ("
            + records.get(i).key() + "): " + e.getCause(), e.getCause());
      }
    }
  }

  /**
   * The postings in clusters of cross-posted copies by the stream's copy rule
   * ({@link io.jobstream.aggregate.dedup.CopyClusters}), each representative first.
   */
  static List<List<ClassifiedPosting>> copyClusters(Iterable<ClassifiedPosting> postings) {
    Map<String, ClassifiedPosting> byId = new HashMap<>();
    List<io.jobstream.aggregate.dedup.CopyCandidate> candidates = new ArrayList<>();
    for (ClassifiedPosting p : postings) {
      byId.put(p.postingId(), p);
      candidates.add(io.jobstream.aggregate.dedup.CopyCandidate.of(p));
    }
    List<List<ClassifiedPosting>> out = new ArrayList<>();
    for (io.jobstream.aggregate.dedup.CopyClusters.Cluster c
        : io.jobstream.aggregate.dedup.CopyClusters.of(io.jobstream.aggregate.dedup.CopyRule.DEFAULT, candidates)) {
      List<ClassifiedPosting> members = new ArrayList<>();
      c.members().forEach(m -> members.add(byId.get(m.id())));
      out.add(members);
    }
    return out;
  }

  /**
   * The pay midpoints of the counted postings (one per cluster of cross-posted copies: the
   * earliest, then lowest id; clusters as the stream finds them, {@link #copyClusters}) per month and family, keyed {@code MONTH_START|FAMILY}.
   */
  static Map<String, TreeMap<Double, Long>> countedPay(Iterable<ClassifiedPosting> postings) {
    List<List<ClassifiedPosting>> clusters = copyClusters(postings);
    Map<String, TreeMap<Double, Long>> out = new HashMap<>();
    for (List<ClassifiedPosting> cluster : clusters) {
      cluster.sort(Comparator.comparing(ClassifiedPosting::eventDate).thenComparing(ClassifiedPosting::postingId));
      ClassifiedPosting kept = cluster.get(0);
      if (kept.pay() != null && kept.pay().reportingMidpoint() != null) {
        out.computeIfAbsent(kept.eventDate().withDayOfMonth(1) + "|" + kept.family(), k -> new TreeMap<>())
            .merge(kept.pay().reportingMidpoint(), 1L, Long::sum);
      }
    }
    return out;
  }

  /** Per month and family (roll-up): count, duplicates dropped, salary count, median x 100. */
  static Map<String, long[]> batch(Iterable<ClassifiedPosting> postings) {
    List<List<ClassifiedPosting>> clusters = copyClusters(postings);
    Map<String, List<Double>> pay = new HashMap<>();
    Map<String, long[]> out = new HashMap<>();
    for (List<ClassifiedPosting> cluster : clusters) {
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

  static <V> List<ConsumerRecord<String, V>> read(Properties client, Topic<String, V> topic,
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
