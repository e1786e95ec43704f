package io.jobstream.ingest.state;

import io.jobstream.ingest.publish.KafkaPostingSink;
import io.jobstream.model.CrawlStateEntry;
import io.jobstream.model.Topic;
import io.jobstream.model.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The crawl state as the compacted topic {@code jobstream.ingest.state} of the cluster the
 * postings go to, the way Kafka Connect keeps source offsets in a topic of its cluster: one
 * record per posting ({@code posting:ID}) and per fetched URL ({@code url:URL}), the latest per
 * key being the state. Reading takes every partition from its start to its end offset as of the
 * start (committed records only); appending writes with an idempotent producer, {@code acks=all}.
 */
public final class KafkaCrawlStateLog implements CrawlStateLog {

  private static final Topic<String, CrawlStateEntry> TOPIC = Topics.INGEST_STATE;
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

  private final Properties client;
  private final KafkaProducer<byte[], byte[]> producer;

  /** @param clientProperties bootstrap servers and any client settings (SASL, SSL, ...) */
  public KafkaCrawlStateLog(Properties clientProperties) {
    this.client = clientProperties;
    Properties props = KafkaPostingSink.producerSettings(clientProperties);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "jobstream-ingest-state");
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Override
  public void readAll(Consumer<CrawlStateEntry> into) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "jobstream-ingest-state-reader");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(TOPIC.name(), Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      if (partitions.isEmpty()) {
        return; // a cluster without the topic has no state
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new KafkaException("timed out reading " + TOPIC.name() + " after " + READ_TIMEOUT);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          into.accept(decode(r.value()));
        }
      }
    }
  }

  /** The entry, or null when it cannot be read (or is a tombstone). */
  private static CrawlStateEntry decode(byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      return TOPIC.valueSerde().deserializer().deserialize(TOPIC.name(), value);
    } catch (SerializationException e) {
      return null;
    }
  }

  @Override
  public void append(List<CrawlStateEntry> entries) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    for (CrawlStateEntry entry : entries) {
      byte[] key = TOPIC.keySerde().serializer().serialize(TOPIC.name(), entry.key());
      byte[] value = TOPIC.valueSerde().serializer().serialize(TOPIC.name(), entry);
      producer.send(new ProducerRecord<>(TOPIC.name(), key, value), (metadata, error) -> {
        if (error != null) {
          failure.compareAndSet(null, error);
        }
      });
    }
    producer.flush();
    if (failure.get() != null) {
      throw new KafkaException("saving the crawl state to " + TOPIC.name() + " failed: "
          + failure.get().getMessage(), failure.get());
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
