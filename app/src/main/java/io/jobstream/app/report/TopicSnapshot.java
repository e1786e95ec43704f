package io.jobstream.app.report;

import io.jobstream.model.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest value per key of a compacted topic, as of now: every partition read from its start to
 * its end, committed records only (the end of a read_committed consumer is the last stable
 * offset), without a consumer group. A tombstone removes its key; a record that cannot be read is
 * skipped with a warning naming its offset.
 */
public final class TopicSnapshot {

  private static final Logger LOG = LoggerFactory.getLogger(TopicSnapshot.class);

  private TopicSnapshot() {}

  /**
   * @param timeout how long reading may take in all
   * @throws IllegalStateException when the topic is missing or the end is not reached in time
   */
  public static <V> Map<String, V> read(Properties clientProps, Topic<String, V> topic, Duration timeout) {
    Properties props = committedReader(clientProps);
    Map<String, V> latest = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
        topic.valueSerde().deserializer())) {
      var infos = consumer.partitionsFor(topic.name(), timeout);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + topic.name() + " does not exist (has the streams app run?)");
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      while (!reached(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic.name() + " to its end within " + timeout);
        }
        try {
          for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.value() == null) {
              latest.remove(r.key());
            } else {
              latest.put(r.key(), r.value());
            }
          }
        } catch (RecordDeserializationException e) {
          // a value jobstream did not write: said, skipped, and the rest is read
          LOG.warn("skipping unreadable record {}-{}@{}: {}", e.topicPartition().topic(), e.topicPartition().partition(),
              e.offset(), e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    }
    return latest;
  }

  /**
   * The latest committed values of the last {@code perPartition} records of each partition (a
   * bounded read of a large topic, such as a few examples of the classified postings); empty when
   * the topic does not exist. Unreadable records and tombstones are skipped.
   */
  public static <V> List<V> tail(Properties clientProps, Topic<String, V> topic, int perPartition, Duration timeout) {
    Properties props = committedReader(clientProps);
    Map<String, V> latest = new java.util.LinkedHashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
        topic.valueSerde().deserializer())) {
      var infos = consumer.partitionsFor(topic.name(), timeout);
      if (infos == null || infos.isEmpty()) {
        return List.of();
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      for (TopicPartition tp : partitions) {
        consumer.seek(tp, Math.max(begins.get(tp), ends.get(tp) - perPartition));
      }
      while (!reached(consumer, ends) && System.nanoTime() < deadline) {
        try {
          for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.value() == null) {
              latest.remove(r.key());
            } else {
              latest.put(r.key(), r.value());
            }
          }
        } catch (RecordDeserializationException e) {
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    }
    return List.copyOf(latest.values());
  }

  /**
   * Hands every committed record of {@code topic}, from its start to its current end, to
   * {@code each} without keeping them (a large topic in bounded memory). Tombstones and unreadable
   * records are skipped. Stops at {@code timeout}: returns whether the end was reached (a missing
   * topic has nothing to read and counts as read).
   */
  public static <V> boolean forEach(Properties clientProps, Topic<String, V> topic, Duration timeout,
      java.util.function.Consumer<V> each) {
    Properties props = committedReader(clientProps);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
        topic.valueSerde().deserializer())) {
      var infos = consumer.partitionsFor(topic.name(), timeout);
      if (infos == null || infos.isEmpty()) {
        return true;
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      while (!reached(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        try {
          for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.value() != null) {
              each.accept(r.value());
            }
          }
        } catch (RecordDeserializationException e) {
          LOG.warn("skipping unreadable record {}-{}@{}: {}", e.topicPartition().topic(), e.topicPartition().partition(),
              e.offset(), e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    }
    return true;
  }

  /**
   * Consumer settings for reading a topic's committed records without a consumer group: it never
   * commits offsets, so it leaves no trace on the cluster.
   */
  public static Properties committedReader(Properties clientProps) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return props;
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
