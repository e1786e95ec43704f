package io.jobstream.aggregate;

import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Combines the changes bound for each downstream task key before they cross a repartition: the
 * changes of a combine interval (wall-clock time) go as one {@link ChangeBatch} per key, with the
 * changes of one tuple summed, so that under a backlog a repartition carries a record per key and
 * interval instead of one per posting. A key's batch goes early when it reaches the size bound.
 *
 * <p>Exactly-once: every open entry is also in a store (logged, cached: the net count per key and
 * tuple, written when it changes, deleted when its batch is sent). The store's changelog, the
 * batches sent and the input offsets are committed in one transaction, so after a crash the
 * store comes back as of the last commit and the input is read again from there: no change is
 * lost or counted twice. Kafka Streams' own record cache does the same for a KTable aggregation.
 */
final class ChangeCombiner implements Processor<String, TupleDelta, String, ChangeBatch> {

  /**
   * Fewer entries than this sent at one combine interval is a quiet input (10 postings a second
   * send about 25 with the default windows and a pair), which asks for a commit at once.
   */
  static final int QUIET_CHANGES = 100;

  private final String storeName;
  private final Duration interval;
  private final int maxChanges;
  private final StreamMetrics metrics;
  private final CombinedChanges open = new CombinedChanges();
  private KeyValueStore<PendingChangeKey, Long> store;
  private ProcessorContext<String, ChangeBatch> context;

  /**
   * @param interval how long, in wall-clock time, a key's changes are combined before they go
   * @param maxChanges the most entries (tuples) a batch holds; a key's batch goes when it has this many
   */
  ChangeCombiner(String storeName, Duration interval, int maxChanges, StreamMetrics metrics) {
    this.storeName = storeName;
    this.interval = interval;
    this.maxChanges = maxChanges;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, ChangeBatch> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    // entries open at the last commit (after a restart or a move of the task) go with the next batch
    long now = context.currentSystemTimeMs();
    try (KeyValueIterator<PendingChangeKey, Long> entries = store.all()) {
      while (entries.hasNext()) {
        KeyValue<PendingChangeKey, Long> entry = entries.next();
        open.add(entry.key.target(), entry.key.tuple(), entry.value, now);
      }
    }
    context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, time -> sendAll());
  }

  @Override
  public void process(Record<String, TupleDelta> record) {
    String target = record.key();
    TupleDelta change = record.value();
    long count = open.add(target, change.tuple(), change.delta(), record.timestamp());
    store.put(new PendingChangeKey(target, change.tuple()), count);
    if (open.size(target) >= maxChanges) {
      send(target);
    }
  }

  private void sendAll() {
    int sent = 0;
    for (String target : open.targets()) {
      sent += send(target);
    }
    if (sent > 0 && sent < QUIET_CHANGES) {
      // a quiet input: the batches are read downstream once committed, so commit now rather
      // than at the end of the commit interval (a busy input adds no commits this way)
      context.commit();
    }
  }

  /** Sends {@code target}'s open batch, if any; returns its number of entries. */
  private int send(String target) {
    ChangeBatch batch = open.drain(target);
    for (TupleDelta change : batch.changes()) {
      store.delete(new PendingChangeKey(target, change.tuple()));
    }
    if (!batch.isEmpty()) {
      long timestamp = batch.earliestTimestamp() == Long.MAX_VALUE
          ? context.currentSystemTimeMs() : batch.earliestTimestamp();
      context.forward(new Record<>(target, batch, timestamp));
      metrics.changeBatch(batch.changes().size());
    }
    return batch.changes().size();
  }
}
