package io.jobstream.app.demo;

import io.jobstream.model.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows one topic from the beginning, committed records only, without a consumer group (it never
 * commits offsets, so it leaves no trace on the cluster).
 */
public final class TopicTail<V> implements AutoCloseable {

  private final KafkaConsumer<String, V> consumer;

  public TopicTail(Properties clientProps, Topic<String, V> topic) {
    Properties props = io.jobstream.app.report.TopicSnapshot.committedReader(clientProps);
    consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls once, handing each record (value null for a tombstone) to {@code sink}; returns how many arrived. */
  public int poll(Duration timeout, BiConsumer<String, V> sink) {
    int n = 0;
    for (ConsumerRecord<String, V> record : consumer.poll(timeout)) {
      sink.accept(record.key(), record.value());
      n++;
    }
    return n;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
