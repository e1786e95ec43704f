package io.jobstream.aggregate;

import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches whether the streams app makes progress on every topic it reads (jobs.postings.raw, its
 * repartition topics, and the output topics its query tables mirror): every check interval it
 * compares the app's committed offsets with the partitions' ends (committed records) and hands
 * them to a {@link StallDetector}. A stuck app (running, but not consuming input that waits)
 * then shows in {@link #problem()}, which {@code /health} reports, and in the stalled-partitions
 * gauge an alert rule watches. Any instance of the app sees the whole group, so each tells.
 */
public final class ProgressWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressWatch.class);

  private final Admin admin;
  private final String applicationId;
  private final StallDetector detector;
  private final ScheduledExecutorService timer;
  private volatile String checkFailure;

  private ProgressWatch(Admin admin, String applicationId, long timeoutMs) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.detector = new StallDetector(timeoutMs);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "jobstream-progress-watch");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts watching the app configured by {@code config}. */
  static ProgressWatch start(Properties config) {
    JobstreamConfig settings = JobstreamConfig.from(config);
    long timeout = settings.getLong(JobstreamConfig.STALL_TIMEOUT_CONFIG);
    long interval = settings.getLong(JobstreamConfig.CHECK_INTERVAL_CONFIG);
    Admin admin = Admin.create(new StreamsConfig(config).getAdminConfigs("jobstream-progress-watch"));
    ProgressWatch watch = new ProgressWatch(admin, config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), timeout);
    watch.timer.scheduleWithFixedDelay(watch::check, interval, interval, TimeUnit.MILLISECONDS);
    return watch;
  }

  /** Null while the app makes progress (or has nothing to do); else what is stuck. */
  public String problem() {
    List<StallDetector.Stall> stalls = detector.stalls();
    if (stalls.isEmpty()) {
      return checkFailure;
    }
    StallDetector.Stall first = stalls.get(0);
    return String.format("stalled: %d partition(s) with input waiting and no progress, e.g. %s: %d records"
        + " waiting, none consumed for %d s", stalls.size(), first.partition(), first.waiting(),
        first.sinceMs() / 1000);
  }

  /** Input partitions with records waiting and no progress for the stall timeout. */
  public int stalledPartitions() {
    return detector.stalls().size();
  }

  void check() {
    try {
      detector.observe(snapshot(), System.currentTimeMillis());
      checkFailure = null;
    } catch (Exception e) {
      // a cluster that cannot be asked cannot vouch for progress either
      checkFailure = "cannot check progress: " + e.getMessage();
      LOG.warn("progress check failed: {}", e.toString());
    }
  }

  private Map<String, StallDetector.Offsets> snapshot() throws Exception {
    Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
        .filter(n -> n.equals(Topics.RAW.name()) || n.equals(Topics.STATS.name())
            || n.equals(Topics.DIVERGENCE.name())
            || (n.startsWith(applicationId + "-") && n.endsWith("-repartition")))
        .collect(Collectors.toSet());
    if (topics.isEmpty()) {
      return Map.of();
    }
    List<TopicPartition> partitions = new ArrayList<>();
    admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
        d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
    Map<String, StallDetector.Offsets> out = new HashMap<>();
    for (TopicPartition p : partitions) {
      OffsetAndMetadata c = committed.get(p);
      // never committed: the app would start at the beginning
      long from = c == null ? start.get(p) : c.offset();
      out.put(p.topic() + "-" + p.partition(), new StallDetector.Offsets(from, end.get(p)));
    }
    return out;
  }

  private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(p -> request.put(p, spec));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin
        .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, Long> out = new HashMap<>();
    result.forEach((p, info) -> out.put(p, info.offset()));
    return out;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
