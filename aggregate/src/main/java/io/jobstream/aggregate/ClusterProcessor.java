package io.jobstream.aggregate;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Groups current postings into clusters of cross-posted copies ({@link PostingCluster}, by
 * duplicate key and period) and passes on how the counted tuples change: when a posting's version
 * changes, it leaves its old cluster and joins its new one, and where a cluster's counted tuple
 * (its representative's, with the number of copies dropped) changes, the old tuple loses a
 * posting and the new one gains one. Changes come keyed by cluster, so the clusters spread over
 * the partitions; postings without a duplicate key (no company or no description, such as the
 * salary survey's rows) can have no copies and never come here
 * ({@link MemberChange#unclusteredDeltas}). Clusters whose period ends before the
 * {@link Horizon} of the latest posting date this task has seen leave the store (a sweep every
 * {@link HorizonSweep#INTERVAL}), with their copies.
 */
final class ClusterProcessor implements Processor<String, MemberChange, String, TupleDelta> {

  /** The key of the number of copies not counted in the count store. */
  private static final String COPIES = "copies";

  /** The key of the latest posting date seen (epoch day) in the count store. */
  private static final String LATEST = "latest-epoch-day";

  private final String storeName;
  private final String countStoreName;
  private final long periodDays;
  private final Horizon horizon;
  private final HorizonSweep<PostingCluster> sweep;
  private long latestEpochDay = Long.MIN_VALUE;
  private ProcessorContext<String, TupleDelta> context;
  private KeyValueStore<String, PostingCluster> clusters;
  private KeyValueStore<String, Long> counts;
  /** This task's copies not counted, its share of the {@code jobstream.stream.duplicates} gauge. */
  private long duplicates;

  private final StreamMetrics metrics;

  /**
   * @param countStoreName a store of this task's number of copies not counted, kept with the
   *     clusters so that a restarted or moved task knows it without reading every cluster
   */
  ClusterProcessor(String storeName, String countStoreName, long periodDays, Horizon horizon, StreamMetrics metrics) {
    this.storeName = storeName;
    this.metrics = metrics;
    this.countStoreName = countStoreName;
    this.periodDays = periodDays;
    this.horizon = horizon;
    this.sweep = new HorizonSweep<>(HorizonSweep.BUDGET, (key, cluster) -> lastDayOfPeriod(key));
  }

  /** The last day of a cluster key's period; null for the keys of earlier versions' clusters of one. */
  private LocalDate lastDayOfPeriod(String key) {
    if (!key.startsWith("dup|")) {
      return null;
    }
    long period = Long.parseLong(key.substring(key.lastIndexOf('|') + 1));
    return LocalDate.ofEpochDay((period + 1) * periodDays - 1);
  }

  @Override
  public void init(ProcessorContext<String, TupleDelta> context) {
    this.context = context;
    this.clusters = context.getStateStore(storeName);
    this.counts = context.getStateStore(countStoreName);
    Long saved = counts.get(COPIES);
    duplicates = saved == null ? 0 : saved;
    metrics.addDuplicates(duplicates);
    Long latest = counts.get(LATEST);
    latestEpochDay = latest == null ? Long.MIN_VALUE : latest;
    context.schedule(HorizonSweep.INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> evict());
  }

  /** Clusters whose period ends before the horizon leave the store; their copies are no longer counted as dropped. */
  private void evict() {
    if (latestEpochDay == Long.MIN_VALUE) {
      return;
    }
    long copies = 0;
    for (KeyValue<String, PostingCluster> old :
        sweep.expired(clusters, horizon.firstNeeded(LocalDate.ofEpochDay(latestEpochDay)))) {
      clusters.delete(old.key);
      copies += old.value.duplicates();
      metrics.evicted();
    }
    if (copies > 0) {
      duplicates -= copies;
      counts.put(COPIES, duplicates);
      metrics.addDuplicates(-copies);
    }
  }

  private void seen(ClusterMember member) {
    if (member != null && member.eventDate().toEpochDay() > latestEpochDay) {
      latestEpochDay = member.eventDate().toEpochDay();
      counts.put(LATEST, latestEpochDay);
    }
  }

  @Override
  public void close() {
    metrics.addDuplicates(-duplicates);
    duplicates = 0;
  }

  @Override
  public void process(Record<String, MemberChange> record) {
    ClusterMember before = record.value().before();
    ClusterMember after = record.value().after();
    seen(after);
    String from = before == null ? null : PostingCluster.key(before, periodDays);
    String to = after == null ? null : PostingCluster.key(after, periodDays);
    if (from != null && from.equals(to)) {
      update(record, from, before, after);
      return;
    }
    if (from != null) {
      update(record, from, before, null);
    }
    if (to != null) {
      update(record, to, null, after);
    }
  }

  private void update(Record<String, MemberChange> record, String key, ClusterMember leaves, ClusterMember joins) {
    PostingCluster cluster = clusters.get(key);
    if (cluster == null) {
      cluster = PostingCluster.empty();
    }
    String countedBefore = cluster.isEmpty() ? null : cluster.countedTuple();
    long duplicatesBefore = cluster.duplicates();
    if (leaves != null) {
      cluster.minus(leaves);
    }
    if (joins != null) {
      cluster.plus(joins);
    }
    String countedAfter = cluster.isEmpty() ? null : cluster.countedTuple();
    long copies = cluster.duplicates() - duplicatesBefore;
    if (copies != 0) {
      duplicates += copies;
      counts.put(COPIES, duplicates);
      metrics.addDuplicates(copies);
    }
    if (cluster.isEmpty()) {
      clusters.delete(key);
    } else {
      clusters.put(key, cluster);
      sweep.written(lastDayOfPeriod(key));
    }
    if (!Objects.equals(countedBefore, countedAfter)) {
      if (countedBefore != null) {
        context.forward(record.withValue(new TupleDelta(countedBefore, -1)));
      }
      if (countedAfter != null) {
        context.forward(record.withValue(new TupleDelta(countedAfter, 1)));
      }
    }
  }
}
