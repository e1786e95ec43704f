package io.jobstream.aggregate;

import io.jobstream.aggregate.dedup.CopyClusters;
import io.jobstream.aggregate.dedup.CopyRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Groups current postings into clusters of cross-posted copies and passes on how the counted
 * tuples change. Changes come keyed by duplicate key (normalized company and title), so the
 * postings the {@link CopyRule} compares meet in one {@link CopyBlock}, and the blocks spread over
 * the partitions. On each change the block's clusters (a representative and its copies while it
 * is open, {@link CopyClusters}) are found before and after it; every counted tuple (a cluster
 * representative's, with its number of copies dropped) that is no longer counted loses a posting
 * and every new one gains one. The clusters do not depend on the order postings arrive in, so the
 * statistics equal a batch computation over the same postings with the same rule. Postings
 * without a duplicate key can have no copies and never come here
 * ({@link MemberChange#unclusteredDeltas}).
 *
 * <p>Clusters whose every member's span ends before the {@link Horizon} of the latest posting date
 * this task has seen leave the store, with their copies: no posting still to come can overlap them
 * (at each change of their block, and a whole block in a sweep every {@link HorizonSweep#INTERVAL}).
 */
final class ClusterProcessor implements Processor<String, MemberChange, String, TupleDelta> {

  /** The key of the number of copies not counted in the count store. */
  private static final String COPIES = "copies";

  /** The key of the latest posting date seen (epoch day) in the count store. */
  private static final String LATEST = "latest-epoch-day";

  private final String storeName;
  private final String countStoreName;
  private final CopyRule rule;
  private final Horizon horizon;
  private final HorizonSweep<CopyBlock> sweep;
  private long latestEpochDay = Long.MIN_VALUE;
  private ProcessorContext<String, TupleDelta> context;
  private KeyValueStore<String, CopyBlock> blocks;
  private KeyValueStore<String, Long> counts;
  /** This task's copies not counted, its share of the {@code jobstream.stream.duplicates} gauge. */
  private long duplicates;

  private final StreamMetrics metrics;

  /**
   * @param countStoreName a store of this task's number of copies not counted, kept with the
   *     blocks so that a restarted or moved task knows it without reading every block
   */
  ClusterProcessor(String storeName, String countStoreName, CopyRule rule, Horizon horizon, StreamMetrics metrics) {
    this.storeName = storeName;
    this.metrics = metrics;
    this.countStoreName = countStoreName;
    this.rule = rule;
    this.horizon = horizon;
    this.sweep = new HorizonSweep<>(HorizonSweep.BUDGET, (key, block) -> block.lastOpenDay(rule));
  }

  @Override
  public void init(ProcessorContext<String, TupleDelta> context) {
    this.context = context;
    this.blocks = context.getStateStore(storeName);
    this.counts = context.getStateStore(countStoreName);
    Long saved = counts.get(COPIES);
    duplicates = saved == null ? 0 : saved;
    metrics.addDuplicates(duplicates);
    Long latest = counts.get(LATEST);
    latestEpochDay = latest == null ? Long.MIN_VALUE : latest;
    context.schedule(HorizonSweep.INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> evict());
  }

  /** Blocks whose every posting ended before the horizon leave the store; their copies are no longer counted as dropped. */
  private void evict() {
    if (latestEpochDay == Long.MIN_VALUE) {
      return;
    }
    long copies = 0;
    for (KeyValue<String, CopyBlock> old : sweep.expired(blocks, firstNeeded())) {
      blocks.delete(old.key);
      copies += copies(old.value.clusters(rule));
      metrics.evicted();
    }
    countCopies(-copies);
  }

  private LocalDate firstNeeded() {
    return horizon.firstNeeded(LocalDate.ofEpochDay(latestEpochDay));
  }

  private void countCopies(long change) {
    if (change != 0) {
      duplicates += change;
      counts.put(COPIES, duplicates);
      metrics.addDuplicates(change);
    }
  }

  private static long copies(List<CopyClusters.Cluster> clusters) {
    long copies = 0;
    for (CopyClusters.Cluster c : clusters) {
      copies += c.members().size() - 1;
    }
    return copies;
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
    String from = before == null ? null : before.duplicateKey();
    String to = after == null ? null : after.duplicateKey();
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
    CopyBlock block = blocks.get(key);
    if (block == null) {
      block = CopyBlock.empty();
    }
    Map<String, Long> counted = new TreeMap<>();
    List<CopyClusters.Cluster> clustersBefore = block.clusters(rule);
    for (CopyClusters.Cluster c : clustersBefore) {
      counted.merge(block.countedTuple(c), -1L, Long::sum);
    }
    if (leaves != null) {
      block.minus(leaves);
    }
    if (joins != null) {
      block.plus(joins);
    }
    List<CopyClusters.Cluster> clustersAfter = block.clusters(rule);
    for (CopyClusters.Cluster c : clustersAfter) {
      counted.merge(block.countedTuple(c), 1L, Long::sum);
    }
    long copies = copies(clustersAfter) - copies(clustersBefore);
    // clusters that ended before the horizon leave (no posting to come can join them); their
    // counted tuples are dated before it too, so the statistics stages drop them as well
    if (latestEpochDay != Long.MIN_VALUE) {
      LocalDate firstNeeded = firstNeeded();
      for (CopyClusters.Cluster c : clustersAfter) {
        if (lastOpenDay(c).isBefore(firstNeeded)) {
          for (var m : c.members()) {
            block.members().remove(m.id());
          }
          copies -= c.members().size() - 1;
          metrics.evicted();
        }
      }
    }
    countCopies(copies);
    if (block.isEmpty()) {
      blocks.delete(key);
    } else {
      blocks.put(key, block);
      sweep.written(block.lastOpenDay(rule));
    }
    // the counted tuples no longer counted lose a posting first, then the new ones gain one
    List<TupleDelta> gained = new ArrayList<>();
    counted.forEach((tuple, change) -> {
      for (long i = 0; i < Math.abs(change); i++) {
        if (change < 0) {
          context.forward(record.withValue(new TupleDelta(tuple, -1)));
        } else {
          gained.add(new TupleDelta(tuple, 1));
        }
      }
    });
    gained.forEach(delta -> context.forward(record.withValue(delta)));
  }

  private LocalDate lastOpenDay(CopyClusters.Cluster cluster) {
    LocalDate last = LocalDate.MIN;
    for (var m : cluster.members()) {
      LocalDate end = rule.end(m);
      if (end.isAfter(last)) {
        last = end;
      }
    }
    return last;
  }
}
