package io.jobstream.ingest.publish;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import io.jobstream.model.RecordSizes;
import io.jobstream.model.Topic;
import io.jobstream.model.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes postings to {@code jobs.postings.raw} (key = stable posting id, so the versions of a
 * posting stay in order on one partition) and dead letters to {@code jobs.postings.dlq}, with an
 * idempotent producer, {@code acks=all} and compression.
 *
 * <p>A posting the broker refuses for its content (too large for the topic, an invalid record)
 * becomes a dead letter {@code refused} with the broker's reason, and its id is handed back by
 * {@link #drainRefused()} so it is not marked as published. Any other failure of a send (the
 * cluster unreachable, not authorized) is remembered and rethrown from {@link #flush()}, so a run
 * never reports success for postings the broker did not take.
 *
 * <p>The raw posting budget ({@link #maxPostingBytes()}) is read from the cluster on first use:
 * the producer's {@code max.request.size} and the topic's {@code max.message.bytes}.
 */
public final class KafkaPostingSink implements PostingSink {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaPostingSink.class);

  private final Producer<byte[], byte[]> producer;
  private final Properties clientProperties;
  private final long maxRequestSize;
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private final Queue<DeadLetter> refusedLetters = new ConcurrentLinkedQueue<>();
  private final Queue<String> refusedIds = new ConcurrentLinkedQueue<>();
  private volatile int budget;
  private KafkaClientMetrics clientMetrics;

  /** @param clientProperties bootstrap servers and any client settings (SASL, SSL, ...) */
  public KafkaPostingSink(Properties clientProperties) {
    Properties props = producerSettings(clientProperties);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "jobstream-ingest");
    this.clientProperties = clientProperties;
    this.maxRequestSize = Long.parseLong(String.valueOf(props.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
        RecordSizes.KAFKA_DEFAULT_LIMIT_BYTES)));
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Override
  public int maxPostingBytes() {
    if (budget == 0) {
      budget = RecordSizes.budget(maxRequestSize, topicMaxMessageBytes());
      LOG.info("raw postings: at most {} bytes each (max.request.size {}, topic limit read from the cluster)",
          budget, maxRequestSize);
    }
    return budget;
  }

  /** The raw topic's {@code max.message.bytes}; Kafka's default when the cluster cannot tell. */
  private long topicMaxMessageBytes() {
    Properties admin = new Properties();
    admin.putAll(clientProperties);
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW.name());
    try (Admin client = Admin.create(admin)) {
      ConfigEntry entry = client.describeConfigs(List.of(topic)).all().get(20, TimeUnit.SECONDS).get(topic)
          .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      return entry == null ? RecordSizes.KAFKA_DEFAULT_LIMIT_BYTES : Long.parseLong(entry.value());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return RecordSizes.KAFKA_DEFAULT_LIMIT_BYTES;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.warn("cannot read max.message.bytes of {} ({}); assuming Kafka's default", Topics.RAW.name(),
          e.getMessage());
      return RecordSizes.KAFKA_DEFAULT_LIMIT_BYTES;
    }
  }

  /**
   * The settings of ingest's producers over the user's client settings: idempotent,
   * {@code acks=all}, and (unless set) one request in flight per connection, lz4 compression and
   * a 20 ms linger.
   *
   * <p>One request in flight because brokers before Kafka 4.5 accept any first sequence from an
   * idempotent producer on a partition they hold no state for (KAFKA-15591): when the first
   * request to a just-created partition is refused (the broker has not applied the topic yet)
   * and the second is appended, the first is retried as out of sequence until
   * {@code delivery.timeout.ms} (2 min) and its records are lost. The demo ingests right after
   * it creates the topics, and so may a first run of ingest; ingest's rate is bound by fetching
   * pages, not by the producer.
   */
  public static Properties producerSettings(Properties clientProperties) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
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
    send(Topics.RAW, posting.postingId(), posting, (metadata, error) -> {
      if (error == null) {
        return;
      }
      if (refusedForContent(error)) {
        // sent from flush(), not from the producer's I/O thread, which must not block
        refusedIds.add(posting.postingId());
        refusedLetters.add(DeadLetter.of("ingest", "refused", "the broker refused the posting: " + error.getMessage(),
            posting.url() != null ? posting.url() : posting.source(), posting.postingId(), posting.title()));
      } else {
        firstFailure.compareAndSet(null, error);
      }
    });
  }

  @Override
  public void reject(DeadLetter deadLetter) {
    send(Topics.DLQ, deadLetter.origin(), deadLetter, (metadata, error) -> {
      if (error != null) {
        firstFailure.compareAndSet(null, error);
      }
    });
  }

  /** Errors about one record's content; the cluster itself is fine and later records go through. */
  static boolean refusedForContent(Exception error) {
    return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
        || error instanceof InvalidRecordException || error instanceof CorruptRecordException;
  }

  private <V> void send(Topic<String, V> topic, String key, V value, Callback callback) {
    byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    try {
      producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), callback);
    } catch (KafkaException e) {
      // a record over max.request.size fails in send() itself with some clients; same handling
      callback.onCompletion(null, e);
    }
  }

  @Override
  public void flush() {
    producer.flush();
    DeadLetter letter;
    boolean sent = false;
    while ((letter = refusedLetters.poll()) != null) {
      LOG.warn("{}: {}", letter.key(), letter.detail());
      reject(letter);
      sent = true;
    }
    if (sent) {
      producer.flush();
    }
    Exception failure = firstFailure.get();
    if (failure != null) {
      throw new KafkaException("publishing to Kafka failed: " + failure.getMessage(), failure);
    }
  }

  @Override
  public List<String> drainRefused() {
    List<String> ids = new ArrayList<>();
    String id;
    while ((id = refusedIds.poll()) != null) {
      ids.add(id);
    }
    return ids;
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
