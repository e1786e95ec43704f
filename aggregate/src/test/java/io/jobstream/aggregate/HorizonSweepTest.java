package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class HorizonSweepTest {

  private static final LocalDate DAY = LocalDate.parse("2026-01-01");

  /** Keys k00..k09 dated DAY + 0..9 days. */
  private static KeyValueStore<String, Long> store() {
    MockProcessorContext<String, Long> context = new MockProcessorContext<>();
    KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"),
        Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    for (long i = 0; i < 10; i++) {
      store.put(String.format("k%02d", i), i);
    }
    return store;
  }

  private static HorizonSweep<Long> sweep(int budget) {
    return new HorizonSweep<>(budget, (key, offset) -> DAY.plusDays(offset));
  }

  private static List<String> keys(List<KeyValue<String, Long>> entries) {
    return entries.stream().map(kv -> kv.key).toList();
  }

  /** One sweep, deleting what it finds, as the processors do. */
  private static List<String> sweepOnce(HorizonSweep<Long> sweep, KeyValueStore<String, Long> store, LocalDate horizon) {
    List<String> found = keys(sweep.expired(store, horizon));
    found.forEach(store::delete);
    return found;
  }

  @Test
  void readsAtMostTheBudgetAndGoesOnWhereItStopped() {
    KeyValueStore<String, Long> store = store();
    HorizonSweep<Long> sweep = sweep(4);
    LocalDate horizon = DAY.plusDays(6); // k00..k05 are before it
    assertThat(sweepOnce(sweep, store, horizon)).containsExactly("k00", "k01", "k02", "k03");
    assertThat(sweepOnce(sweep, store, horizon)).containsExactly("k04", "k05");
    assertThat(sweepOnce(sweep, store, horizon)).isEmpty(); // k08, k09: the end of the pass
    // the oldest left is k06: nothing is read until the horizon passes it, then a pass from the start
    assertThat(sweepOnce(sweep, store, horizon)).isEmpty();
    assertThat(sweepOnce(sweep, store, DAY.plusDays(8))).containsExactly("k06", "k07");
  }

  @Test
  void aStoreWhoseOldestEntryIsNotBeforeTheHorizonIsNotReadAgainUntilAWriteOrTheHorizonSaysSo() {
    KeyValueStore<String, Long> store = store();
    HorizonSweep<Long> sweep = sweep(100);
    assertThat(sweep.expired(store, DAY.plusDays(3))).hasSize(3);
    for (String k : List.of("k00", "k01", "k02")) {
      store.delete(k);
    }
    assertThat(sweep.expired(store, DAY.plusDays(3))).isEmpty();
    // an entry older than anything known is written without the sweep's word: it is not seen ...
    store.put("a-late", -5L);
    assertThat(sweep.expired(store, DAY.plusDays(3))).isEmpty();
    // ... but one the sweep is told of is, and so is everything once the horizon passes the oldest known
    sweep.written(DAY.minusDays(5));
    assertThat(keys(sweep.expired(store, DAY.plusDays(3)))).containsExactly("a-late");
    store.delete("a-late");
    assertThat(sweep.expired(store, DAY.plusDays(3))).isEmpty();
    assertThat(keys(sweep.expired(store, DAY.plusDays(4)))).containsExactly("k03");
  }
}
