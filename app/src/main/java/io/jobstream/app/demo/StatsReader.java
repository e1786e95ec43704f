package io.jobstream.app.demo;

import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads {@code jobs.salary.stats} from the beginning, committed records only, without a consumer
 * group (it never commits offsets, so it leaves no trace on the cluster).
 */
public final class StatsReader implements AutoCloseable {

  private final KafkaConsumer<String, SalaryStats> consumer;

  public StatsReader(Properties clientProps) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumer = new KafkaConsumer<>(props, Topics.STATS.keySerde().deserializer(),
        Topics.STATS.valueSerde().deserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.STATS.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls once, handing each record to {@code sink}; returns how many arrived. */
  public int poll(Duration timeout, BiConsumer<String, SalaryStats> sink) {
    int n = 0;
    for (ConsumerRecord<String, SalaryStats> record : consumer.poll(timeout)) {
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
