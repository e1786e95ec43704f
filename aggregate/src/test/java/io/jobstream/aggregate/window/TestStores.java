package io.jobstream.aggregate.window;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/** In-memory stores for the window engine's tests. */
final class TestStores {

  private TestStores() {}

  static KeyValueStore<String, String> strings(String name) {
    MockProcessorContext<String, String> context = new MockProcessorContext<>();
    KeyValueStore<String, String> store = org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
        org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.String())
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }
}
