package io.jobstream.aggregate;

import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.model.RecordSizes;
import io.jobstream.model.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
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
  private final ProgressWatch progress;

  private StreamApp(KafkaStreams streams, ProgressWatch progress) {
    this.streams = streams;
    this.progress = progress;
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
    // a standby of every store on another instance, so a lost instance's tasks resume at once
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1");
    props.putAll(settings);
    String guarantee = props.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
    if (!StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee)
        && !JobstreamConfig.from(props).getBoolean(JobstreamConfig.ACCEPT_INEXACT_CONFIG)) {
      throw new IllegalArgumentException(StreamsConfig.PROCESSING_GUARANTEE_CONFIG + "=" + guarantee
          + ": the statistics are exact only under " + StreamsConfig.EXACTLY_ONCE_V2 + " (a crash or"
          + " rebalance could count postings twice or not at all); set " + JobstreamConfig.ACCEPT_INEXACT_CONFIG
          + "=true to run anyway");
    }
    return props;
  }

  /**
   * The default state directory: {@code jobstream-streams/CLUSTER_ID} in the temporary directory,
   * so that runs against different clusters never share one.
   */
  public static Path defaultStateDir(Properties client) {
    try (Admin admin = Admin.create(client)) {
      String clusterId = admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS);
      return Path.of(System.getProperty("java.io.tmpdir"), "jobstream-streams", clusterId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the cluster for its id", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot reach the cluster at " + client.get("bootstrap.servers")
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * Builds the topology from {@code config} and starts it, its meters on Micrometer's global
   * registry (which the command line's {@code /metrics} registry joins). Local state left in the state directory
   * by a run against another cluster (or against changelogs since deleted) is discarded first (see
   * {@link LocalStateOwner}).
   */
  public static StreamApp start(Properties config) {
    return start(config, Metrics.globalRegistry);
  }

  /**
   * As {@link #start(Properties)}, with the app's meters ({@link StreamMetrics}) on {@code registry}:
   * two apps in one process keep their meters apart when each has a registry of its own.
   */
  public static StreamApp start(Properties config, MeterRegistry registry) {
    LocalStateOwner owner = LocalStateOwner.of(config);
    Map<String, Object> adminConfig = new StreamsConfig(config).getAdminConfigs("jobstream-state-owner");
    Properties withLimits = new Properties();
    withLimits.putAll(config);
    try (Admin admin = Admin.create(adminConfig)) {
      owner.claim(admin);
      if (!withLimits.containsKey(JobstreamConfig.CLASSIFIED_MAX_BYTES_CONFIG)) {
        long limit = classifiedRecordLimit(admin, config);
        LOG.info("classified postings: records of at most {} bytes (what {} and the producer take)", limit,
            Topics.CLASSIFIED.name());
        withLimits.put(JobstreamConfig.CLASSIFIED_MAX_BYTES_CONFIG, Long.toString(limit));
      }
      withLimits.put(JobstreamConfig.RAW_PARTITIONS_CONFIG, Integer.toString(rawPartitions(admin)));
    }
    Topology topology = JobstreamTopology.build(withLimits, registry);
    KafkaStreams streams = new KafkaStreams(topology, config);
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING) {
        Thread recorder = new Thread(() -> {
          try (Admin admin = Admin.create(adminConfig)) {
            owner.recordChangelogs(admin);
          }
        }, "jobstream-state-owner");
        recorder.setDaemon(true);
        recorder.start();
      }
    });
    streams.setUncaughtExceptionHandler(error -> {
      LOG.error("streams app failed; shutting down", error);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.start();
    return new StreamApp(streams, ProgressWatch.start(config));
  }

  /**
   * The most bytes a classified posting's record may take here: the smaller of the streams
   * producer's {@code max.request.size} and the classified topic's {@code max.message.bytes}.
   * Under exactly-once a record the broker (or the producer) refuses puts the task's transaction
   * in an error state, so it cannot be skipped once sent: the classify stage checks the size first
   * and dead-letters what would not fit.
   */
  static long classifiedRecordLimit(Admin admin, Properties config) {
    Object producer = config.getOrDefault(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        config.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordSizes.KAFKA_DEFAULT_LIMIT_BYTES));
    long limit = Long.parseLong(String.valueOf(producer));
    ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CLASSIFIED.name());
    try {
      ConfigEntry entry = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
          .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      if (entry != null && entry.value() != null) {
        limit = Math.min(limit, Long.parseLong(entry.value()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.warn("cannot read max.message.bytes of {} ({}); classified postings are kept under {} bytes",
          Topics.CLASSIFIED.name(), e.getMessage(), limit);
    }
    return limit;
  }

  /**
   * The partition count of {@code jobs.postings.raw}, which decides the partition that owns each
   * posting id ({@link JobstreamConfig#RAW_PARTITIONS_CONFIG}); the topic must exist.
   */
  public static int rawPartitions(Admin admin) {
    try {
      return admin.describeTopics(List.of(Topics.RAW.name())).allTopicNames().get(60, TimeUnit.SECONDS)
          .get(Topics.RAW.name()).partitions().size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the partitions of " + Topics.RAW.name(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the partitions of " + Topics.RAW.name() + ": " + e.getMessage(), e);
    }
  }

  /** The running Kafka Streams client (for the query API). */
  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Null when the app is healthy: RUNNING and making progress on every input that waits; else
   * why not ({@code starting (REBALANCING)}, or which partitions are stalled).
   */
  public String healthProblem() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
          ? "failed (" + state + ")" : "starting (" + state + ")";
    }
    return progress.problem();
  }

  /** Input partitions with records waiting and no progress for the stall timeout. */
  public int stalledPartitions() {
    return progress.stalledPartitions();
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
    progress.close();
    streams.close(Duration.ofSeconds(30));
  }
}
