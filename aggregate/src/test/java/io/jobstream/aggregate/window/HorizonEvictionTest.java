package io.jobstream.aggregate.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class HorizonEvictionTest {

  private static final LocalDate DAY = LocalDate.parse("2026-01-01");

  @Test
  void evictDeletesWhatItFoundBeforeTheHorizonAndKeepsTheRest() {
    KeyValueStore<String, String> store = TestStores.strings("dated");
    for (int i = 0; i < 6; i++) {
      store.put("k" + i, DAY.plusDays(i).toString());
    }
    store.put("zz-forever", "never");
    HorizonEviction<String> eviction =
        new HorizonEviction<>(3, (key, value) -> value.equals("never") ? null : LocalDate.parse(value));
    assertThat(eviction.evict(store, DAY.plusDays(4))).extracting(kv -> kv.key).containsExactly("k0", "k1", "k2");
    assertThat(eviction.evict(store, DAY.plusDays(4))).extracting(kv -> kv.key).containsExactly("k3");
    assertThat(store.get("k3")).isNull();
    assertThat(store.get("k4")).isNotNull();
    assertThat(store.get("zz-forever")).as("an entry without a day stays").isEqualTo("never");
    assertThat(eviction.evict(store, DAY.plusDays(4))).as("the end of the pass").isEmpty();
    // the pass is over and the oldest left is k4: nothing before it is read
    store.put("a-unseen", DAY.toString());
    assertThat(eviction.evict(store, DAY.plusDays(4))).isEmpty();
    store.delete("a-unseen");
    store.put("a-late", DAY.toString());
    eviction.written(DAY);
    assertThat(eviction.evict(store, DAY.plusDays(4))).extracting(kv -> kv.key).containsExactly("a-late");
  }

  @Test
  void expiredOnlyFinds() {
    KeyValueStore<String, String> store = TestStores.strings("dated");
    store.put("k0", DAY.toString());
    HorizonEviction<String> eviction = new HorizonEviction<>(10, (key, value) -> LocalDate.parse(value));
    assertThat(eviction.expired(store, DAY.plusDays(1))).containsExactly(KeyValue.pair("k0", DAY.toString()));
    assertThat(store.get("k0")).isNotNull();
  }
}
