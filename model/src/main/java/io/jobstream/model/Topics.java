package io.jobstream.model;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics of the pipeline, each with its serdes: the one place that knows a topic's name and
 * format.
 *
 * <p>Keys are strings. Topics that are tables (the latest value per key is the answer) are
 * compacted. Topics that carry event-time timestamps from years ago (the DLQ gets the timestamp
 * of the record that failed) use the broker's append time, so time-based retention measures
 * time since arrival rather than deleting old-dated records at once.
 */
public final class Topics {

  /**
   * Partitions of the topics the app creates, unless {@code jobstream.partitions} says otherwise:
   * enough for several instances (and threads) to share every stage.
   */
  public static final int PARTITIONS = 6;
  private static final long WEEK_MS = 7L * 24 * 3600 * 1000;

  /** Scraped postings, key = stable posting id. */
  public static final Topic<String, RawPosting> RAW = new Topic<>(
      "jobs.postings.raw", Serdes.String(), JsonSerde.of(RawPosting.class), PARTITIONS,
      Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(4 * WEEK_MS),
          "message.timestamp.type", "LogAppendTime"));

  /** Classified postings: a changelog keyed by posting id. */
  public static final Topic<String, ClassifiedPosting> CLASSIFIED = new Topic<>(
      "jobs.postings.classified", Serdes.String(), JsonSerde.of(ClassifiedPosting.class),
      PARTITIONS, Map.of("cleanup.policy", "compact"));

  /** Anything rejected, with the reason. */
  public static final Topic<String, DeadLetter> DLQ = new Topic<>(
      "jobs.postings.dlq", Serdes.String(), JsonSerde.of(DeadLetter.class), PARTITIONS,
      Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(4 * WEEK_MS),
          "message.timestamp.type", "LogAppendTime"));

  /** Windowed salary statistics; the latest value per key is the answer. */
  public static final Topic<String, SalaryStats> STATS = new Topic<>(
      "jobs.salary.stats", Serdes.String(), JsonSerde.of(SalaryStats.class), PARTITIONS,
      Map.of("cleanup.policy", "compact"));

  /** Pairwise pay gaps with their significance; the latest value per key is the answer. */
  public static final Topic<String, SalaryDivergence> DIVERGENCE = new Topic<>(
      "jobs.salary.divergence", Serdes.String(), JsonSerde.of(SalaryDivergence.class), PARTITIONS,
      Map.of("cleanup.policy", "compact"));

  /**
   * The cluster of cross-posted copies each posting with a duplicate key is in, with the reason
   * for a copy's merge, keyed by posting id; compacted.
   */
  public static final Topic<String, CopyClusterEntry> CLUSTERS = new Topic<>(
      "jobs.postings.clusters", Serdes.String(), JsonSerde.of(CopyClusterEntry.class), PARTITIONS,
      Map.of("cleanup.policy", "compact"));

  /**
   * Ingest's crawl state (what was published, HTTP validators), kept in the cluster it describes,
   * as Kafka Connect keeps its source offsets; compacted.
   */
  public static final Topic<String, CrawlStateEntry> INGEST_STATE = new Topic<>(
      "jobstream.ingest.state", Serdes.String(), JsonSerde.of(CrawlStateEntry.class), PARTITIONS,
      Map.of("cleanup.policy", "compact"));

  public static final List<Topic<String, ?>> ALL =
      List.of(RAW, CLASSIFIED, DLQ, STATS, DIVERGENCE, CLUSTERS, INGEST_STATE);

  private Topics() {}
}
