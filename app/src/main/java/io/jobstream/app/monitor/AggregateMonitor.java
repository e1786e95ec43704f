package io.jobstream.app.monitor;

import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code jobs.salary.stats} and {@code jobs.salary.divergence} (committed records only) into
 * {@link MarketGauges}.
 *
 * <p>It joins its own consumer group, so the cluster shows its lag and several monitors share
 * nothing but the group name; but the gauges need the latest value of every key, so on every
 * assignment it reads the assigned partitions from the beginning (the topics are compacted, so that
 * is the latest value per key plus what compaction has not yet removed). Offsets are committed as
 * it goes, for the lag figures only. A value that cannot be read is counted and skipped.
 *
 * <p>Meters besides the gauges: {@code jobstream.monitor.records} (tags {@code topic},
 * {@code outcome}), {@code jobstream.monitor.last.update.seconds} (epoch seconds of the newest
 * {@code updatedAt} read: when the statistics last changed), and the consumer's own Kafka client
 * meters (lag included) through Micrometer's Kafka binder.
 */
public final class AggregateMonitor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AggregateMonitor.class);

  /** Default consumer group. */
  public static final String DEFAULT_GROUP = "jobstream-monitor";

  private final KafkaConsumer<String, byte[]> consumer;
  private final MarketGauges gauges;
  private final KafkaClientMetrics clientMetrics;
  private final AtomicLong lastUpdate;
  private final AtomicBoolean caughtUp = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  public AggregateMonitor(Properties clientProps, String groupId, MeterRegistry registry) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.gauges = new MarketGauges(registry);
    this.clientMetrics = new KafkaClientMetrics(consumer);
    clientMetrics.bindTo(registry);
    this.lastUpdate = registry.gauge("jobstream.monitor.last.update.seconds", new AtomicLong());
  }

  public MarketGauges gauges() {
    return gauges;
  }

  /** True once every assigned partition has been read to its end at least once. */
  public boolean caughtUp() {
    return caughtUp.get();
  }

  /** Polls until {@link #close()} (from another thread) or the thread is interrupted. */
  public void run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the monitor runs once");
    }
    consumer.subscribe(List.of(Topics.STATS.name(), Topics.DIVERGENCE.name()), new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        consumer.seekToBeginning(partitions);
        caughtUp.set(false);
      }
    });
    try {
      while (running.get() && !Thread.currentThread().isInterrupted()) {
        var records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, byte[]> record : records) {
          take(record);
        }
        if (!records.isEmpty()) {
          consumer.commitAsync();
        }
        if (!caughtUp.get() && !consumer.assignment().isEmpty() && atEnd()) {
          caughtUp.set(true);
          LOG.info("monitor: read the aggregate topics to their end; {} groups shown", gauges.series());
        }
      }
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private boolean atEnd() {
    var ends = consumer.endOffsets(consumer.assignment());
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private void take(ConsumerRecord<String, byte[]> record) {
    boolean stats = record.topic().equals(Topics.STATS.name());
    try {
      if (stats) {
        SalaryStats value = record.value() == null ? null
            : Topics.STATS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        gauges.stats(record.key(), value);
        seen(value == null ? null : value.updatedAt());
      } else {
        SalaryDivergence value = record.value() == null ? null
            : Topics.DIVERGENCE.valueSerde().deserializer().deserialize(record.topic(), record.value());
        gauges.divergence(record.key(), value);
        seen(value == null ? null : value.updatedAt());
      }
    } catch (RuntimeException e) {
      LOG.warn("monitor: skipped unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
          record.offset(), e.getMessage());
      gauges.unreadable(stats ? "stats" : "divergence");
    }
  }

  private void seen(java.time.Instant updatedAt) {
    if (updatedAt != null) {
      lastUpdate.accumulateAndGet(updatedAt.getEpochSecond(), Math::max);
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    running.set(false);
    clientMetrics.close();
    if (started.compareAndSet(false, true)) {
      consumer.close(Duration.ofSeconds(5));
    } else {
      consumer.wakeup();
    }
  }
}
