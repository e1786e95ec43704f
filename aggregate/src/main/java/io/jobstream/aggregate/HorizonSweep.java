package io.jobstream.aggregate;

import io.jobstream.aggregate.window.HorizonEviction;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The {@link HorizonEviction} of the processors that still use it by this name (clusters, posting
 * versions, version order): finds a store's entries dated before the {@link Horizon}, a bounded
 * number per call, going on where the last call stopped.
 */
final class HorizonSweep<V> {

  /** How often each store is swept (wall-clock time). */
  static final java.time.Duration INTERVAL = HorizonEviction.INTERVAL;

  /** Entries read at most per sweep of a store. */
  static final int BUDGET = HorizonEviction.BUDGET;

  private final HorizonEviction<V> eviction;

  /**
   * @param budget entries read at most per call
   * @param dayOf the day of an entry; null for entries that never expire
   */
  HorizonSweep(int budget, BiFunction<String, V, LocalDate> dayOf) {
    this.eviction = new HorizonEviction<>(budget, dayOf);
  }

  /** An entry of {@code day} was written: the store's oldest day is at most that. */
  void written(LocalDate day) {
    eviction.written(day);
  }

  /** The entries before {@code horizon} among the next entries of {@code store}; the caller deletes them. */
  List<KeyValue<String, V>> expired(KeyValueStore<String, V> store, LocalDate horizon) {
    return eviction.expired(store, horizon);
  }
}
