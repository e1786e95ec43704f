package io.jobstream.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import io.jobstream.model.Topic;
import io.jobstream.model.Topics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes postings to {@code jobs.postings.raw} (key = stable posting id, so the versions of a
 * posting stay in order on one partition) and dead letters to {@code jobs.postings.dlq}, with an
 * idempotent producer, {@code acks=all} and compression.
 *
 * <p>A send that fails is remembered and rethrown from {@link #flush()}, so a run never reports
 * success for postings the broker did not take.
 */
public final class KafkaPostingSink implements PostingSink {

  private final Producer<byte[], byte[]> producer;
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private KafkaClientMetrics clientMetrics;

  /** @param clientProperties bootstrap servers and any client settings (SASL, SSL, ...) */
  public KafkaPostingSink(Properties clientProperties) {
    Properties props = producerSettings(clientProperties);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "jobstream-ingest");
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * The settings of ingest's producers over the user's client settings: idempotent,
   * {@code acks=all}, and (unless set) lz4 compression and a 20 ms linger.
   */
  public static Properties producerSettings(Properties clientProperties) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
    return props;
  }

  /** Binds the producer's own meters (Micrometer's Kafka binder) to {@code registry}. */
  public synchronized void bindMetrics(MeterRegistry registry) {
    if (clientMetrics == null) {
      clientMetrics = new KafkaClientMetrics(producer);
    }
    clientMetrics.bindTo(registry);
  }

  @Override
  public void publish(RawPosting posting) {
    send(Topics.RAW, posting.postingId(), posting);
  }

  @Override
  public void reject(DeadLetter deadLetter) {
    send(Topics.DLQ, deadLetter.origin(), deadLetter);
  }

  private <V> void send(Topic<String, V> topic, String key, V value) {
    byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), (metadata, error) -> {
      if (error != null) {
        firstFailure.compareAndSet(null, error);
      }
    });
  }

  @Override
  public void flush() {
    producer.flush();
    Exception failure = firstFailure.get();
    if (failure != null) {
      throw new KafkaException("publishing to Kafka failed: " + failure.getMessage(), failure);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (clientMetrics != null) {
        clientMetrics.close();
      }
    }
    producer.close(Duration.ofSeconds(10));
  }
}
