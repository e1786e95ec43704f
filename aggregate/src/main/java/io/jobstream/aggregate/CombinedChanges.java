package io.jobstream.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes bound for each downstream task key ({@code family#block} or {@code pair#block}) that
 * are not sent yet, with the changes of one tuple combined into one net count: a posting added
 * and taken back within one batch leaves an entry of 0 (the windows it touched are still emitted,
 * as they would have been had the changes gone one by one), a hundred postings of one tuple leave
 * one entry.
 * Plain logic, no Kafka: {@link ChangeCombiner} keeps a store beside it so that a crash loses
 * nothing.
 */
final class CombinedChanges {

  private final Map<String, Batch> byTarget = new LinkedHashMap<>();

  /** A target's open batch: its net counts by tuple, and the earliest record timestamp in it. */
  private static final class Batch {
    final Map<String, Long> counts = new HashMap<>();
    long earliest = Long.MAX_VALUE;
  }

  /**
   * Adds {@code delta} to the net count of {@code tuple} bound for {@code target}.
   *
   * @return the tuple's net count now
   */
  long add(String target, String tuple, long delta, long timestamp) {
    Batch batch = byTarget.computeIfAbsent(target, t -> new Batch());
    batch.earliest = Math.min(batch.earliest, timestamp);
    long now = batch.counts.getOrDefault(tuple, 0L) + delta;
    batch.counts.put(tuple, now);
    return now;
  }

  /** The number of entries (tuples with a net count) open for {@code target}. */
  int size(String target) {
    Batch batch = byTarget.get(target);
    return batch == null ? 0 : batch.counts.size();
  }

  /** The targets with an open batch, in the order their batches opened. */
  List<String> targets() {
    return new ArrayList<>(byTarget.keySet());
  }

  boolean isEmpty() {
    return byTarget.isEmpty();
  }

  /**
   * Closes {@code target}'s batch: its entries, in no particular order (they commute), with the
   * batch's earliest timestamp; an empty batch when none is open.
   */
  ChangeBatch drain(String target) {
    Batch batch = byTarget.remove(target);
    if (batch == null) {
      return new ChangeBatch(List.of(), Long.MAX_VALUE);
    }
    List<TupleDelta> changes = new ArrayList<>(batch.counts.size());
    batch.counts.forEach((tuple, count) -> changes.add(new TupleDelta(tuple, count)));
    return new ChangeBatch(changes, batch.earliest);
  }
}
