package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.dedup.CopyCandidate;
import io.jobstream.aggregate.dedup.CopyClusters;
import io.jobstream.aggregate.dedup.CopyRule;
import io.jobstream.aggregate.dedup.MinHash;
import io.jobstream.model.CopyTraits;
import io.jobstream.model.JsonSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The cluster stage decides clusters incrementally, from one entry per posting, as the batch
 * clusters of the same postings are; the duplicates gauge follows its store when a task starts on
 * state it already has.
 */
class ClusterProcessorTest {

  private static final Horizon HORIZON = new Horizon(List.of(WindowSpec.parse("30d/1d")), 3650);

  private static ClusterMember member(String id, int day) {
    return new ClusterMember(id, LocalDate.of(2024, 4, day), "acme|pipelines",
        new io.jobstream.model.CopyTraits("austin|tx|us", null,
            io.jobstream.aggregate.dedup.MinHash.signature("Build pipelines with Spark and Airflow.")),
        "data_engineer|2024-04-" + (10 + day) + "|mid|US|false|-|0|100000.0|90000.0|110000.0|0");
  }

  private static void stores(MockProcessorContext<String, ClusterOutput> context) {
    store(context, JobstreamTopology.CLUSTERS_STORE, JsonSerde.of(CopyEntry.class));
    store(context, JobstreamTopology.OPEN_CLUSTERS_STORE, Serdes.String());
  }

  private static ClusterProcessor processor(StreamMetrics metrics) {
    return new ClusterProcessor(JobstreamTopology.CLUSTERS_STORE, JobstreamTopology.OPEN_CLUSTERS_STORE,
        JobstreamTopology.CLUSTER_COUNT_STORE, CopyRule.DEFAULT, HORIZON, metrics);
  }

  private static <V> KeyValueStore<String, V> store(MockProcessorContext<String, ClusterOutput> context, String name,
      org.apache.kafka.common.serialization.Serde<V> serde) {
    KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
        Serdes.String(), serde).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }

  @Test
  void theCountOfCopiesIsKeptInAStoreSoARestartedTaskHasItAtOnceAndGivesItBackOnClose() {
    MockProcessorContext<String, ClusterOutput> context = new MockProcessorContext<>();
    stores(context);
    KeyValueStore<String, Long> counts = store(context, JobstreamTopology.CLUSTER_COUNT_STORE, Serdes.Long());
    StreamMetrics metrics = new StreamMetrics(new SimpleMeterRegistry(), Set.of("data_scientist"), List.of());
    long before = metrics.duplicates();

    ClusterProcessor first = processor(metrics);
    first.init(context);
    for (String id : List.of("a", "b", "c")) {
      first.process(new Record<>("windows", new MemberChange(null, member(id, id.charAt(0) - 'a' + 1)), 0L));
    }
    assertThat(metrics.duplicates() - before).isEqualTo(2);
    assertThat(counts.get("copies")).isEqualTo(2L);
    // why c is a copy, without running the rule again: its last cluster record
    io.jobstream.model.CopyClusterEntry c = context.forwarded().stream()
        .filter(f -> !f.record().value().isCounted() && f.record().key().equals("c"))
        .reduce((x, y) -> y).orElseThrow().record().value().cluster();
    assertThat(c.representative()).isEqualTo("a");
    assertThat(c.similarity()).isEqualTo(1.0);
    assertThat(c.reason()).contains("'acme|pipelines'", "'austin|tx|us'", "description similarity 1.00");
    first.close();
    assertThat(metrics.duplicates()).isEqualTo(before);

    // the task again (a restart, or another instance after a rebalance): the count comes from the
    // one entry of the count store, not from a scan of every cluster
    ClusterProcessor again = processor(metrics);
    again.init(context);
    assertThat(metrics.duplicates() - before).isEqualTo(2);

    // a copy goes: one fewer, and the representative's tuple now stands for one copy, not two
    context.resetForwards();
    again.process(new Record<>("windows", new MemberChange(member("c", 3), null), 0L));
    assertThat(metrics.duplicates() - before).isEqualTo(1);
    assertThat(counts.get("copies")).isEqualTo(1L);
    List<ClusterOutput> out = context.forwarded().stream().map(f -> (ClusterOutput) f.record().value()).toList();
    List<TupleDelta> forwarded = out.stream().filter(ClusterOutput::isCounted).map(ClusterOutput::delta).toList();
    // the representative's cluster record (now one copy) and the tombstone of the copy that went
    assertThat(context.forwarded().stream().filter(f -> !f.record().value().isCounted())
            .map(f -> f.record().key() + "=" + (f.record().value().cluster() == null ? null
                : f.record().value().cluster().copies())).toList())
        .containsExactlyInAnyOrder("c=null", "a=1");
    assertThat(forwarded).containsExactly(
        new TupleDelta(member("a", 1).tuple(2), -1), new TupleDelta(member("a", 1).tuple(1), 1));
    again.close();
    assertThat(metrics.duplicates()).isEqualTo(before);
  }

  private static ClusterMember keyless(String id, String pay) {
    return new ClusterMember(id, LocalDate.of(2024, 7, 1), null, null,
        "data_scientist|2024-07-01|senior|US|unknown|-|-|" + pay + "|" + pay + "|" + pay + "|0");
  }

  private static List<TupleDelta> forwarded(MockProcessorContext<String, ClusterOutput> context) {
    List<TupleDelta> out = context.forwarded().stream().map(f -> f.record().value())
        .filter(ClusterOutput::isCounted).map(ClusterOutput::delta).toList();
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

  private static final String[] TEXTS = {
    "Build batch and streaming pipelines with Spark and Airflow for the payments team, own the data"
        + " models of the ledger, review designs with analysts and keep the warehouse tidy and fast.",
    "Build batch and streaming pipelines with Spark and Airflow for the payments team, own the data"
        + " models of the ledger, review designs with analysts and keep the warehouse tidy and fast. Apply now.",
    "Train ranking models for the search team, run experiments with product managers, ship features"
        + " behind flags and watch their effect on conversion in dashboards you build yourself.",
  };

  private static ClusterMember randomMember(Random random, String id) {
    LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(400));
    LocalDate validThrough = switch (random.nextInt(4)) {
      case 0 -> day.plusDays(10 + random.nextInt(20));
      case 1 -> day.plusDays(100 + random.nextInt(200));
      default -> null;
    };
    String place = random.nextInt(5) == 0 ? "denver|co|us" : "austin|tx|us";
    String key = random.nextInt(6) == 0 ? "acme|analyst" : "acme|pipelines";
    String pay = (90 + random.nextInt(3)) + "000.0";
    return new ClusterMember(id, day, key,
        new CopyTraits(place, validThrough, MinHash.signature(TEXTS[random.nextInt(TEXTS.length)])),
        "data_engineer|" + day + "|mid|US|false|-|0|" + pay + "|" + pay + "|" + pay + "|0");
  }

  /** The counted tuples of the batch clusters of {@code members}, each with its number. */
  private static Map<String, Long> batchCounted(Map<String, ClusterMember> members) {
    List<CopyCandidate> candidates = new ArrayList<>();
    Map<String, ClusterMember> byId = new HashMap<>();
    for (ClusterMember m : members.values()) {
      candidates.add(m.candidate());
      byId.put(m.postingId(), m);
    }
    Map<String, Long> counted = new TreeMap<>();
    for (CopyClusters.Cluster c : CopyClusters.of(CopyRule.DEFAULT, candidates)) {
      counted.merge(byId.get(c.representative().id()).tuple(c.members().size() - 1L), 1L, Long::sum);
    }
    return counted;
  }

  @Test
  void changesInAnyOrderLeaveTheCountedTuplesOfTheBatchClustersOfTheSamePostings() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      MockProcessorContext<String, ClusterOutput> context = new MockProcessorContext<>();
      stores(context);
      KeyValueStore<String, Long> counts = store(context, JobstreamTopology.CLUSTER_COUNT_STORE, Serdes.Long());
      KeyValueStore<String, CopyEntry> entries = context.getStateStore(JobstreamTopology.CLUSTERS_STORE);
      ClusterProcessor processor = processor(new StreamMetrics(new SimpleMeterRegistry(), Set.of(), List.of()));
      processor.init(context);
      Map<String, ClusterMember> current = new TreeMap<>();
      Map<String, Long> streamed = new TreeMap<>();
      for (int op = 0; op < 150; op++) {
        String id = "p" + random.nextInt(60);
        ClusterMember before = current.get(id);
        ClusterMember after = before != null && random.nextInt(4) == 0 ? null : randomMember(random, id);
        if (before != null && after != null && random.nextBoolean()) {
          // an edit of pay only: the same posting for the copy rule
          after = new ClusterMember(id, before.eventDate(), before.duplicateKey(), before.traits(),
              before.tuple(0).replaceFirst("\\|9\\d000\\.0\\|", "|95000.0|"));
        }
        if (after == null) {
          current.remove(id);
        } else {
          current.put(id, after);
        }
        processor.process(new Record<>("k", new MemberChange(before, after), 0L));
        for (TupleDelta d : forwarded(context)) {
          streamed.merge(d.tuple(), d.delta(), Long::sum);
        }
        streamed.values().removeIf(v -> v == 0);
        assertThat(streamed).as("seed %d, change %d of %s", seed, op, id).isEqualTo(batchCounted(current));
      }
      // one entry per posting, and the copies count is the batch clusters' copies
      long entryCount = 0;
      try (var it = entries.all()) {
        while (it.hasNext()) {
          it.next();
          entryCount++;
        }
      }
      assertThat(entryCount).isEqualTo(current.size());
      long batchCopies = batchCounted(current).entrySet().stream()
          .mapToLong(e -> e.getValue() * Long.parseLong(e.getKey().substring(e.getKey().lastIndexOf('|') + 1))).sum();
      assertThat(counts.get("copies") == null ? 0L : counts.get("copies")).isEqualTo(batchCopies);
    }
  }

  @Test
  void aChangeWritesOnlyTheEntriesWhoseClusterOrCountChangedHoweverLargeTheBlock() {
    MockProcessorContext<String, ClusterOutput> context = new MockProcessorContext<>();
    stores(context);
    store(context, JobstreamTopology.CLUSTER_COUNT_STORE, Serdes.Long());
    ClusterProcessor processor = processor(new StreamMetrics(new SimpleMeterRegistry(), Set.of(), List.of()));
    processor.init(context);
    // two years of one company and title: 300 different ads, one every 2 or 3 days
    Random random = new Random(3);
    LocalDate first = LocalDate.of(2023, 1, 1);
    ClusterMember last = null;
    for (int i = 0; i < 300; i++) {
      StringBuilder ad = new StringBuilder("Ad " + i + ":");
      for (int w = 0; w < 40; w++) {
        ad.append(' ').append("word").append(random.nextInt(5000));
      }
      LocalDate day = first.plusDays(i * 730L / 300);
      last = new ClusterMember("p" + i, day, "acme|pipelines",
          new CopyTraits("austin|tx|us", null, MinHash.signature(ad.toString())),
          "data_engineer|" + day + "|mid|US|false|-|0|100000.0|90000.0|110000.0|0");
      processor.process(new Record<>("k", new MemberChange(null, last), 0L));
    }
    context.resetForwards();
    // a copy of the latest ad: its own entry and its representative's count, nothing else
    ClusterMember copy = new ClusterMember("copy", last.eventDate().plusDays(1), last.duplicateKey(), last.traits(),
        last.tuple(0));
    processor.process(new Record<>("k", new MemberChange(null, copy), 0L));
    assertThat(context.forwarded().stream().filter(f -> !f.record().value().isCounted())
        .map(f -> (String) f.record().key()).toList()).containsExactlyInAnyOrder("copy", last.postingId());
    context.resetForwards();
    // an edit of pay of a posting a year back: its own entry only
    KeyValueStore<String, CopyEntry> entries = context.getStateStore(JobstreamTopology.CLUSTERS_STORE);
    CopyEntry stored = entries.get(CopyBlockKeys.of("acme|pipelines", first.plusDays(100 * 730L / 300), "p100"));
    ClusterMember before = stored.member();
    ClusterMember edited = new ClusterMember("p100", before.eventDate(), before.duplicateKey(), before.traits(),
        before.tuple(0).replace("100000.0", "105000.0"));
    processor.process(new Record<>("k", new MemberChange(before, edited), 0L));
    assertThat(context.forwarded().stream().filter(f -> !f.record().value().isCounted())
        .map(f -> (String) f.record().key()).toList()).containsExactly("p100");
    context.resetForwards();
    // a new ad dated a year back: the postings of its 60 days are decided again, but none changes
    LocalDate middle = first.plusDays(365);
    ClusterMember late = new ClusterMember("late", middle, "acme|pipelines",
        new CopyTraits("austin|tx|us", null, MinHash.signature("A different ad about dashboards, reports and budgets"
            + " for the finance team, written for this test alone, with enough words to have shingles.")),
        "data_engineer|" + middle + "|mid|US|false|-|0|100000.0|90000.0|110000.0|0");
    processor.process(new Record<>("k", new MemberChange(null, late), 0L));
    assertThat(context.forwarded().stream().filter(f -> !f.record().value().isCounted())
        .map(f -> (String) f.record().key()).toList()).containsExactly("late");
  }
}
