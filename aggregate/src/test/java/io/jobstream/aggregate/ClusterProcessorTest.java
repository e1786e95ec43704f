package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.JsonSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The duplicates gauge follows the cluster store when a task starts on state it already has. */
class ClusterProcessorTest {

  private static final Horizon HORIZON = new Horizon(List.of(WindowSpec.parse("30d/1d")), 3650);

  private static ClusterMember member(String id, int day) {
    return new ClusterMember(id, LocalDate.of(2024, 4, day), "acme|pipelines",
        new io.jobstream.model.CopyTraits("austin|tx|us", null,
            io.jobstream.aggregate.dedup.MinHash.signature("Build pipelines with Spark and Airflow.")),
        "data_engineer|2024-04-" + (10 + day) + "|mid|US|false|-|0|100000.0|90000.0|110000.0|0");
  }

  private static <V> KeyValueStore<String, V> store(MockProcessorContext<String, TupleDelta> context, String name,
      org.apache.kafka.common.serialization.Serde<V> serde) {
    KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
        Serdes.String(), serde).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }

  @Test
  void theCountOfCopiesIsKeptInAStoreSoARestartedTaskHasItAtOnceAndGivesItBackOnClose() {
    MockProcessorContext<String, TupleDelta> context = new MockProcessorContext<>();
    store(context, JobstreamTopology.CLUSTERS_STORE, JsonSerde.of(CopyBlock.class));
    KeyValueStore<String, Long> counts = store(context, JobstreamTopology.CLUSTER_COUNT_STORE, Serdes.Long());
    StreamMetrics metrics = new StreamMetrics(new SimpleMeterRegistry(), Set.of("data_scientist"), List.of());
    long before = metrics.duplicates();

    ClusterProcessor first = new ClusterProcessor(JobstreamTopology.CLUSTERS_STORE,
        JobstreamTopology.CLUSTER_COUNT_STORE, io.jobstream.aggregate.dedup.CopyRule.DEFAULT, HORIZON, metrics);
    first.init(context);
    for (String id : List.of("a", "b", "c")) {
      first.process(new Record<>("windows", new MemberChange(null, member(id, id.charAt(0) - 'a' + 1)), 0L));
    }
    assertThat(metrics.duplicates() - before).isEqualTo(2);
    assertThat(counts.get("copies")).isEqualTo(2L);
    first.close();
    assertThat(metrics.duplicates()).isEqualTo(before);

    // the task again (a restart, or another instance after a rebalance): the count comes from the
    // one entry of the count store, not from a scan of every cluster
    ClusterProcessor again = new ClusterProcessor(JobstreamTopology.CLUSTERS_STORE,
        JobstreamTopology.CLUSTER_COUNT_STORE, io.jobstream.aggregate.dedup.CopyRule.DEFAULT, HORIZON, metrics);
    again.init(context);
    assertThat(metrics.duplicates() - before).isEqualTo(2);

    // a copy goes: one fewer, and the representative's tuple now stands for one copy, not two
    context.resetForwards();
    again.process(new Record<>("windows", new MemberChange(member("c", 3), null), 0L));
    assertThat(metrics.duplicates() - before).isEqualTo(1);
    assertThat(counts.get("copies")).isEqualTo(1L);
    List<TupleDelta> forwarded = context.forwarded().stream()
        .map(f -> (TupleDelta) f.record().value()).toList();
    assertThat(forwarded).containsExactly(
        new TupleDelta(member("a", 1).tuple(2), -1), new TupleDelta(member("a", 1).tuple(1), 1));
    again.close();
    assertThat(metrics.duplicates()).isEqualTo(before);
  }

  private static ClusterMember keyless(String id, String pay) {
    return new ClusterMember(id, LocalDate.of(2024, 7, 1), null, null,
        "data_scientist|2024-07-01|senior|US|unknown|-|-|" + pay + "|" + pay + "|" + pay + "|0");
  }

  private static List<TupleDelta> forwarded(MockProcessorContext<String, TupleDelta> context) {
    List<TupleDelta> out = context.forwarded().stream().map(f -> (TupleDelta) f.record().value()).toList();
    context.resetForwards();
    return out;
  }

  @Test
  void aPostingWithoutADuplicateKeyIsAClusterOfOneWhoseTuplePassesOn() {
    assertThat(new MemberChange(null, keyless("s1", "150000.0")).clustered()).isFalse();
    assertThat(new MemberChange(null, keyless("s1", "150000.0")).unclusteredDeltas())
        .containsExactly(new TupleDelta(keyless("s1", "150000.0").tuple(0), 1));
    // an edit: the old tuple out, the new one in; a re-count of the same tuple: nothing
    assertThat(new MemberChange(keyless("s1", "150000.0"), keyless("s1", "160000.0")).unclusteredDeltas())
        .containsExactly(new TupleDelta(keyless("s1", "150000.0").tuple(0), -1),
            new TupleDelta(keyless("s1", "160000.0").tuple(0), 1));
    assertThat(new MemberChange(keyless("s1", "160000.0"), keyless("s1", "160000.0")).unclusteredDeltas()).isEmpty();
    assertThat(new MemberChange(keyless("s1", "160000.0"), null).unclusteredDeltas())
        .containsExactly(new TupleDelta(keyless("s1", "160000.0").tuple(0), -1));
    assertThat(new MemberChange(null, member("a", 1)).clustered()).isTrue();
  }
}
