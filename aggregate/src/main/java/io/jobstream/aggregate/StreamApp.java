package io.jobstream.aggregate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link JobstreamTopology} with Kafka Streams: exactly-once by default, state in a
 * directory of the user's choice, the client stopped (not silently restarted) on an unexpected
 * error so that a supervisor sees it.
 */
public final class StreamApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamApp.class);

  /** Default {@code application.id}: also the prefix of the internal topics. */
  public static final String DEFAULT_APPLICATION_ID = "jobstream-stream";

  private final KafkaStreams streams;

  private StreamApp(KafkaStreams streams) {
    this.streams = streams;
  }

  /**
   * The streams configuration: the user's settings over these defaults: application id
   * {@value #DEFAULT_APPLICATION_ID}, {@code exactly_once_v2}, commit interval 1 s (which also
   * bounds how often statistics are re-emitted), and the query API's tables restored from the
   * output topics they mirror rather than from changelogs of their own.
   */
  public static Properties streamsConfig(Properties settings, Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
    // jobs.salary.stats and jobs.salary.divergence are compacted and keyed like the query API's
    // tables, so they can serve as the tables' changelogs instead of second copies.
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.topicPrefix("min.insync.replicas"), "1");
    props.putAll(settings);
    return props;
  }

  /** Builds the topology from {@code config} and starts it. */
  public static StreamApp start(Properties config) {
    KafkaStreams streams = new KafkaStreams(JobstreamTopology.build(config), config);
    streams.setUncaughtExceptionHandler(error -> {
      LOG.error("streams app failed; shutting down", error);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.start();
    return new StreamApp(streams);
  }

  /** The running Kafka Streams client (for the query API). */
  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Blocks until the app is RUNNING, or returns false after {@code timeout} or on failure. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      KafkaStreams.State state = streams.state();
      if (state == KafkaStreams.State.RUNNING) {
        return true;
      }
      if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
          || state == KafkaStreams.State.PENDING_SHUTDOWN) {
        return false;
      }
      Thread.sleep(100);
    }
    return false;
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }
}
