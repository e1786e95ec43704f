package io.jobstream.aggregate.window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Eviction behind the horizon, shared by the processors that keep days: finds a store's entries
 * dated before the horizon (the first day a change can still reach, {@code Horizon}), a bounded
 * number of entries per call (so that one punctuation stays short however large the store), going
 * on where the last call stopped and starting over after the last key. A store whose oldest entry,
 * as the last full pass and every write since found it, is not before the horizon is not read at
 * all. {@link #evict} also deletes what it found; the caller does what else leaving means for its
 * stage (tombstones for the windows, a count of copies no longer dropped).
 */
public final class HorizonEviction<V> {

  /** How often each store is swept (wall-clock time). */
  public static final java.time.Duration INTERVAL = java.time.Duration.ofSeconds(10);

  /** Entries read at most per sweep of a store. */
  public static final int BUDGET = 20_000;

  private final int budget;
  private final BiFunction<String, V, LocalDate> dayOf;
  private String resumeAfter;
  private LocalDate oldestThisPass;
  /** The oldest day in the store after the last full pass and the writes since; null: unknown. */
  private LocalDate oldestKnown;

  /**
   * @param budget entries read at most per call
   * @param dayOf the day of an entry; null for entries that never expire
   */
  public HorizonEviction(int budget, BiFunction<String, V, LocalDate> dayOf) {
    this.budget = budget;
    this.dayOf = dayOf;
  }

  /** An entry of {@code day} was written: the store's oldest day is at most that. */
  public void written(LocalDate day) {
    if (day != null && oldestKnown != null && day.isBefore(oldestKnown)) {
      oldestKnown = day;
    }
  }

  /** The entries before {@code horizon} among the next entries of {@code store}; the caller deletes them. */
  public List<KeyValue<String, V>> expired(KeyValueStore<String, V> store, LocalDate horizon) {
    List<KeyValue<String, V>> out = new ArrayList<>();
    if (oldestKnown != null && !oldestKnown.isBefore(horizon)) {
      return out;
    }
    int read = 0;
    String last = null;
    try (KeyValueIterator<String, V> it = resumeAfter == null ? store.all() : store.range(resumeAfter, null)) {
      while (read < budget && it.hasNext()) {
        KeyValue<String, V> kv = it.next();
        if (kv.key.equals(resumeAfter)) {
          continue; // the range starts at the last key read before, inclusive
        }
        read++;
        last = kv.key;
        LocalDate day = dayOf.apply(kv.key, kv.value);
        if (day == null) {
          continue;
        }
        if (day.isBefore(horizon)) {
          out.add(kv);
        } else if (oldestThisPass == null || day.isBefore(oldestThisPass)) {
          oldestThisPass = day;
        }
      }
      if (it.hasNext()) {
        resumeAfter = last;
      } else {
        oldestKnown = oldestThisPass == null ? LocalDate.MAX : oldestThisPass;
        oldestThisPass = null;
        resumeAfter = null;
      }
    }
    return out;
  }

  /** Finds the next entries before {@code horizon} (as {@link #expired}) and deletes them: what left the store. */
  public List<KeyValue<String, V>> evict(KeyValueStore<String, V> store, LocalDate horizon) {
    List<KeyValue<String, V>> gone = expired(store, horizon);
    gone.forEach(kv -> store.delete(kv.key));
    return gone;
  }
}
