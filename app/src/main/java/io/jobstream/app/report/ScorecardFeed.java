package io.jobstream.app.report;

import io.jobstream.model.Topic;
import io.jobstream.model.Topics;
import io.jobstream.report.page.SourceScorecard;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link SourceScorecard} up to date for the live page: a daemon thread follows
 * {@code jobs.postings.raw} and {@code jobs.postings.dlq} from their beginning (committed records,
 * no consumer group, so it leaves no trace on the cluster) and counts every record. A record that
 * cannot be read is skipped; a failure of the feed is logged and stops only the feed.
 */
public final class ScorecardFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ScorecardFeed.class);

  private final SourceScorecard scorecard = new SourceScorecard();
  private final Properties clientProps;
  private final Thread thread;
  private volatile boolean closed;

  private ScorecardFeed(Properties clientProps) {
    this.clientProps = clientProps;
    this.thread = new Thread(this::run, "scorecard-feed");
    this.thread.setDaemon(true);
  }

  /** Starts following the topics of the cluster of {@code clientProps}. */
  public static ScorecardFeed start(Properties clientProps) {
    ScorecardFeed feed = new ScorecardFeed(clientProps);
    feed.thread.start();
    return feed;
  }

  /** The scorecard as counted so far (safe to read while the feed counts). */
  public SourceScorecard scorecard() {
    return scorecard;
  }

  private void run() {
    try (KafkaConsumer<String, io.jobstream.model.RawPosting> raw = consumer(Topics.RAW);
        KafkaConsumer<String, io.jobstream.model.DeadLetter> dlq = consumer(Topics.DLQ)) {
      while (!closed) {
        poll(raw, scorecard::add);
        poll(dlq, scorecard::add);
      }
    } catch (org.apache.kafka.common.errors.InterruptException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.warn("the scorecard per source stopped updating: {}", e.toString());
    }
  }

  private <V> KafkaConsumer<String, V> consumer(Topic<String, V> topic) {
    KafkaConsumer<String, V> consumer = new KafkaConsumer<>(TopicSnapshot.committedReader(clientProps),
        topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  private static <V> void poll(KafkaConsumer<String, V> consumer, Consumer<V> each) {
    try {
      for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(250))) {
        if (r.value() != null) {
          each.accept(r.value());
        }
      }
    } catch (RecordDeserializationException e) {
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
