package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The combiner's wiring of records, store, clock and commits, on a mock context and an in-memory store. */
class ChangeCombinerTest {

  private final MockProcessorContext<String, ChangeBatch> context = new MockProcessorContext<>();
  private final KeyValueStore<PendingChangeKey, Long> store = Stores.keyValueStoreBuilder(
      Stores.inMemoryKeyValueStore("pending"), PendingChangeKey.SERDE, Serdes.Long()).withLoggingDisabled().build();

  ChangeCombinerTest() {
    context.setCurrentSystemTimeMs(1_000);
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }

  private ChangeCombiner combiner(int maxChanges) {
    ChangeCombiner combiner = new ChangeCombiner("pending", Duration.ofSeconds(1), maxChanges,
        new StreamMetrics(new SimpleMeterRegistry(), Set.of(), List.of()));
    combiner.init(context);
    return combiner;
  }

  private static Record<String, TupleDelta> change(String target, String tuple, long delta, long timestamp) {
    return new Record<>(target, new TupleDelta(tuple, delta), timestamp);
  }

  private void punctuate() {
    context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(0));
  }

  private Map<String, Map<String, Long>> sent() {
    return context.forwarded().stream().collect(Collectors.toMap(f -> f.record().key(),
        f -> f.record().value().changes().stream().collect(Collectors.toMap(TupleDelta::tuple, TupleDelta::delta))));
  }

  @Test
  void eachTargetsChangesGoAsOneBatchAtTheIntervalAndLeaveTheStore() {
    ChangeCombiner combiner = combiner(2000);
    for (int i = 0; i < 300; i++) {
      combiner.process(change("ds#1", "t" + (i % 3), 1, 100 + i));
    }
    combiner.process(change("ml#1", "x", -1, 50));
    assertThat(context.forwarded()).isEmpty();
    assertThat(store.approximateNumEntries()).isEqualTo(4);

    punctuate();
    assertThat(sent()).isEqualTo(Map.of("ds#1", Map.of("t0", 100L, "t1", 100L, "t2", 100L), "ml#1", Map.of("x", -1L)));
    assertThat(context.forwarded().stream().filter(f -> f.record().key().equals("ds#1")).findFirst().orElseThrow()
        .record().timestamp()).as("the earliest change's timestamp").isEqualTo(100);
    assertThat(store.approximateNumEntries()).isZero();
    // few changes: a quiet input, which asks for a commit at once
    assertThat(context.committed()).isTrue();
  }

  @Test
  void aBusyIntervalAsksForNoCommitAndAFullBatchGoesAtOnce() {
    ChangeCombiner combiner = combiner(150);
    for (int i = 0; i < 149; i++) {
      combiner.process(change("ds#1", "t" + i, 1, i));
    }
    assertThat(context.forwarded()).isEmpty();
    combiner.process(change("ds#1", "t149", 1, 149));
    assertThat(sent().get("ds#1")).hasSize(150);
    context.resetForwards();
    for (int i = 0; i < ChangeCombiner.QUIET_CHANGES; i++) {
      combiner.process(change("ml#1", "t" + i, 1, i));
    }
    punctuate();
    assertThat(sent().get("ml#1")).hasSize(ChangeCombiner.QUIET_CHANGES);
    assertThat(context.committed()).isFalse();
  }

  @Test
  void theBatchesOpenAtARestartComeBackFromTheStore() {
    ChangeCombiner before = combiner(2000);
    before.process(change("ds#1", "t", 1, 1));
    before.process(change("ds#1", "t", 1, 2));
    before.process(change("ds#1", "u", 1, 3));
    before.process(change("ds#1", "u", -1, 4));
    // the task stops here (a crash after a commit): a new combiner on the same store
    ChangeCombiner after = new ChangeCombiner("pending", Duration.ofSeconds(1), 2000,
        new StreamMetrics(new SimpleMeterRegistry(), Set.of(), List.of()));
    MockProcessorContext<String, ChangeBatch> restarted = new MockProcessorContext<>();
    restarted.setCurrentSystemTimeMs(2_000);
    restarted.addStateStore(store);
    after.init(restarted);
    restarted.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(0));
    assertThat(restarted.forwarded()).hasSize(1);
    assertThat(restarted.forwarded().get(0).record().value().changes())
        .containsExactlyInAnyOrder(new TupleDelta("t", 2), new TupleDelta("u", 0));
  }
}
