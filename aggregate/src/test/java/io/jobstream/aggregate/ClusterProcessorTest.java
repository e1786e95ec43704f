package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.JsonSerde;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The duplicates gauge follows the cluster store when a task starts on state it already has. */
class ClusterProcessorTest {

  private static ClusterMember member(String id, int day) {
    return new ClusterMember(id, LocalDate.of(2024, 4, day), "acme-pipelines",
        "data_engineer|2024-04-" + (10 + day) + "|mid|US|false|-|0|100000.0|90000.0|110000.0|0");
  }

  @Test
  void aTaskStartingOnExistingClustersCountsTheirCopiesAndGivesThemBackOnClose() {
    MockProcessorContext<String, TupleDelta> context = new MockProcessorContext<>();
    KeyValueStore<String, PostingCluster> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(JobstreamTopology.CLUSTERS_STORE), Serdes.String(),
            JsonSerde.of(PostingCluster.class))
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    PostingCluster three = new PostingCluster(new TreeMap<>());
    three.plus(member("a", 1)).plus(member("b", 2)).plus(member("c", 3));
    store.put(PostingCluster.key(member("a", 1), 60), three);
    PostingCluster one = new PostingCluster(new TreeMap<>());
    store.put("id|d", one.plus(member("d", 1)));

    long before = StreamMetrics.DUPLICATES.get();
    ClusterProcessor processor = new ClusterProcessor(JobstreamTopology.CLUSTERS_STORE, 60);
    processor.init(context);
    assertThat(StreamMetrics.DUPLICATES.get() - before).isEqualTo(2);

    // a copy goes: one fewer, and the representative's tuple now stands for one copy, not two
    processor.process(new Record<>("windows", new MemberChange(member("c", 3), null), 0L));
    assertThat(StreamMetrics.DUPLICATES.get() - before).isEqualTo(1);
    List<TupleDelta> forwarded = context.forwarded().stream()
        .map(f -> (TupleDelta) f.record().value()).toList();
    assertThat(forwarded).containsExactly(
        new TupleDelta(member("a", 1).tuple(2), -1), new TupleDelta(member("a", 1).tuple(1), 1));

    processor.close();
    assertThat(StreamMetrics.DUPLICATES.get()).isEqualTo(before);
  }
}
