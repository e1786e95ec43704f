package io.jobstream.aggregate;

import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.aggregate.dedup.CopyRule;
import io.jobstream.classify.PayExtractor;
import io.jobstream.classify.PostingEnricher;
import io.jobstream.classify.TitleClassifier;
import io.jobstream.classify.pay.CurrencyRates;
import io.jobstream.classify.pay.PeriodRanges;
import io.jobstream.classify.title.Taxonomy;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The jobstream topology:
 *
 * <ol>
 *   <li>In as many tasks as {@code jobs.postings.raw} has partitions, each owning the posting ids
 *       Kafka's Java producer puts on its partition (records a producer put elsewhere are re-routed
 *       to their owner through {@value #BY_POSTING}, {@link PostingPlacement}): validate and classify ->
 *       {@code jobs.postings.classified}, or {@code jobs.postings.dlq} with the reason (every raw
 *       record ends in exactly one); the latest version of each posting is kept by posting id
 *       ({@link PostingVersionProcessor}), and only a change that matters to the statistics (a new
 *       posting, or an edit: its old and new version) goes on.
 *   <li>Keyed by duplicate key ({@value #BY_CLUSTER}; postings without one skip it): the
 *       changes are grouped into clusters of cross-posted copies ({@link ClusterProcessor}), of
 *       which one counts -> a +1 or -1 per {@link PostingTuple} (family, day, slice and pay).
 *   <li>Before each of the next two hops, the changes bound for one task key are combined for a
 *       combine interval into one batch with a net count per tuple ({@link ChangeCombiner}): under
 *       a backlog a hop carries a record per key and interval, not one per posting.
 *   <li>Keyed by family and block of windows ({@value #BY_WINDOW}, {@link WindowBlocks}): counts
 *       per tuple -> every emit interval, every window of the block containing a changed day is
 *       re-computed ({@link StatsProcessor}) -> {@code jobs.salary.stats}.
 *   <li>Keyed by pair and block ({@value #BY_PAIR}): each counted change of a posting with pay goes
 *       to every configured pair that has its family, where both sides are counted and every emit
 *       interval the pay gaps of the changed windows (and the windows after them, whose trends
 *       compare with them) are re-computed ({@link DivergenceProcessor}) ->
 *       {@code jobs.salary.divergence}.
 * </ol>
 *
 * <p>The counts are plain (not windowed) stores, so nothing expires with stream time and
 * historical postings (years old) are counted like new ones; no topic on the way deletes by record
 * time (the raw and dead-letter topics use the broker's append time, the others are compacted or
 * Kafka Streams' repartition topics, which it purges once consumed), so postings dated years ago
 * are not deleted by the broker either.
 */
public final class JobstreamTopology {

  /** Store of the latest statistics per key, queried by the HTTP API. */
  public static final String STATS_STORE = "stats-latest";

  /** Store of the latest divergence per key, queried by the HTTP API. */
  public static final String DIVERGENCE_STORE = "divergence-latest";

  /** Store of the latest version of each posting, as the cluster stage needs it. */
  public static final String POSTINGS_STORE = "postings-latest";

  /** Store of the timestamp of the latest version or deletion applied per posting id ({@link VersionOrder}). */
  public static final String ORDER_STORE = "posting-version-times";

  /**
   * Name of the repartition that brings a raw record to the task owning its posting id when a
   * producer put it on another partition of {@code jobs.postings.raw} (a partitioner other than
   * Java's, such as librdkafka's): keyed by posting id, as many partitions as the raw topic, so
   * it reaches the partition Java's producer would have picked. Records already there skip it.
   */
  public static final String BY_POSTING = "postings-by-id";

  /** Store of the latest posting date the classify stage has seen. */
  public static final String LATEST_DATE_STORE = "latest-event-date";

  /**
   * Store of the postings of each duplicate key, one {@link CopyEntry} per posting keyed by block,
   * day and posting id ({@link CopyBlockKeys}), with the cluster of cross-posted copies each is in.
   */
  public static final String CLUSTERS_STORE = "copy-block-postings";

  /** Store of the clusters' representatives by block, last open day and posting id: what comparing a posting with one needs, and its entry's key. */
  public static final String OPEN_CLUSTERS_STORE = "copy-block-open";

  /** Store of the cluster task's number of copies not counted (one key). */
  public static final String CLUSTER_COUNT_STORE = "copy-block-copies";

  /**
   * Name of the repartition that brings the postings' changes to the cluster stage, keyed by
   * duplicate key (normalized company and title): cross-posted copies have different posting ids
   * (so they are spread over the classify tasks) but share their duplicate key, so the postings
   * that may be copies of each other meet in one task, and the keys spread over the partitions.
   * Postings without a duplicate key skip it.
   */
  public static final String BY_CLUSTER = "changes-by-copy-block";

  /**
   * Name of the repartition that brings the statistics stage the counted changes, keyed by family
   * and block of windows ({@link WindowBlocks}): a family's windows spread over as many tasks as
   * it has blocks, so that one family with most of the postings is not one task's work.
   */
  public static final String BY_WINDOW = "changes-by-window";

  /**
   * Name of the repartition that brings the divergence stage the counted changes of postings with
   * pay, keyed by pair ({@link DivergenceSettings.Pair#key}) and block: a family's change goes to
   * every pair that has the family, so both sides of a pair are counted in the pair's tasks.
   */
  public static final String BY_PAIR = "changes-by-pair";

  /**
   * Store of the combined changes bound for the statistics stage not sent yet ({@link ChangeCombiner}),
   * by task key and tuple: what a crash between combining and sending must not lose.
   */
  public static final String WINDOW_PENDING_STORE = "window-combined-changes";

  /** Store of the combined changes bound for the divergence stage not sent yet. */
  public static final String PAIR_PENDING_STORE = "pair-combined-changes";

  /** Store of the statistics stage: the number of counted postings per {@link PostingTuple}. */
  public static final String WINDOW_TUPLES_STORE = "window-tuple-counts";

  /** Store of the statistics stage: the days changed since the last emission, with the slices that changed. */
  public static final String WINDOW_DIRTY_STORE = "window-changed-days";

  /** Store of the divergence stage: the number of counted postings with pay per pair and {@link PostingTuple}. */
  public static final String PAIR_TUPLES_STORE = "pair-tuple-counts";

  /** Store of the divergence stage: the days changed since the last emission, with the slices that changed. */
  public static final String PAIR_DIRTY_STORE = "pair-changed-days";

  /** Store of the statistics stage: the latest posting day counted, one entry per task (the horizon's reference). */
  public static final String WINDOW_LATEST_STORE = "window-latest-day";

  /** Store of the divergence stage: the latest posting day counted, one entry per task. */
  public static final String PAIR_LATEST_STORE = "pair-latest-day";

  private JobstreamTopology() {}

  /**
   * Builds the topology from the {@code jobstream.*} keys of {@code config}, its meters on a
   * registry of its own that nothing reads: to check the settings, or for tests that read no meters.
   */
  public static Topology build(Properties config) {
    return build(config, new SimpleMeterRegistry());
  }

  /** Builds the topology from the {@code jobstream.*} keys of {@code config}, its meters on {@code registry}. */
  public static Topology build(Properties config, MeterRegistry registry) {
    JobstreamConfig settings = JobstreamConfig.from(config);
    List<WindowSpec> windows = WindowSpec.parseList(settings.getString(JobstreamConfig.WINDOWS_CONFIG));
    String currency = settings.getString(JobstreamConfig.REPORTING_CURRENCY_CONFIG);
    DivergenceSettings divergence = DivergenceSettings.from(config);
    checkFamilies(settings, divergence);
    CopyRule copyRule = new CopyRule(settings.getLong(JobstreamConfig.DUPLICATE_SIMILARITY_CONFIG) / 100.0,
        settings.getLong(JobstreamConfig.DUPLICATE_PERIOD_CONFIG));
    Duration emitInterval = Duration.ofMillis(settings.getLong(JobstreamConfig.EMIT_INTERVAL_CONFIG));
    Duration emitBudget = Duration.ofMillis(settings.getLong(JobstreamConfig.EMIT_BUDGET_CONFIG));
    Duration combineInterval = Duration.ofMillis(settings.getLong(JobstreamConfig.COMBINE_INTERVAL_CONFIG));
    int combineMax = settings.getLong(JobstreamConfig.COMBINE_MAX_CONFIG).intValue();
    int pauseFactor = settings.getLong(JobstreamConfig.EMIT_PAUSE_CONFIG).intValue();
    Horizon horizon = new Horizon(windows, settings.getLong(JobstreamConfig.GRACE_CONFIG));
    WindowBlocks blocks = new WindowBlocks(windows, settings.getLong(JobstreamConfig.BLOCK_DAYS_CONFIG));
    WindowFanOut fanOut = new WindowFanOut(blocks, divergence);
    StreamMetrics metrics = new StreamMetrics(registry, familyIds(taxonomy(settings)), deadLetterReasons());

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLUSTERS_STORE),
        Serdes.String(), JsonSerde.of(CopyEntry.class)).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OPEN_CLUSTERS_STORE),
        Serdes.String(), Serdes.String()).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLUSTER_COUNT_STORE),
        Serdes.String(), Serdes.Long()).withCachingEnabled());
    for (String store : List.of(WINDOW_TUPLES_STORE, PAIR_TUPLES_STORE)) {
      builder.addStateStore(Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.Long()).withCachingEnabled());
    }
    // open batches are few and short-lived: in memory, restored from their changelog; cached, so a
    // tuple changed many times within a commit interval reaches the changelog once
    for (String store : List.of(WINDOW_PENDING_STORE, PAIR_PENDING_STORE)) {
      builder.addStateStore(Stores.keyValueStoreBuilder(
          Stores.inMemoryKeyValueStore(store), PendingChangeKey.SERDE, Serdes.Long()).withCachingEnabled());
    }
    for (String store : List.of(WINDOW_DIRTY_STORE, PAIR_DIRTY_STORE)) {
      builder.addStateStore(Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.String()).withCachingEnabled());
    }
    // one entry per task: in memory, restored from its changelog
    for (String store : List.of(WINDOW_LATEST_STORE, PAIR_LATEST_STORE)) {
      builder.addStateStore(Stores.keyValueStoreBuilder(
          Stores.inMemoryKeyValueStore(store), Serdes.String(), Serdes.String()));
    }

    Map<String, KStream<String, MemberChange>> changes = addClassifyStage(builder, config, metrics, Topics.CLASSIFIED.name(),
            Topics.DLQ.name())
        .process(() -> new PostingVersionProcessor(POSTINGS_STORE, LATEST_DATE_STORE, currency, horizon, metrics),
            Named.as("posting-versions"), POSTINGS_STORE, LATEST_DATE_STORE)
        .split(Named.as("changes-"))
        .branch((cluster, change) -> change.clustered(), Branched.as("clustered"))
        .defaultBranch(Branched.as("unclustered"));
    KStream<String, ClusterOutput> clustered = changes.get("changes-clustered")
        .repartition(Repartitioned.<String, MemberChange>as(BY_CLUSTER)
            .withKeySerde(Serdes.String())
            .withValueSerde(JsonSerde.of(MemberChange.class)))
        .process(() -> new ClusterProcessor(CLUSTERS_STORE, OPEN_CLUSTERS_STORE, CLUSTER_COUNT_STORE, copyRule,
                horizon, metrics),
            Named.as("clusters"), CLUSTERS_STORE, OPEN_CLUSTERS_STORE, CLUSTER_COUNT_STORE);
    // each posting's cluster, and why a copy was merged, for audit (keyed by posting id)
    clustered
        .filterNot((postingId, out) -> out.isCounted(), Named.as("cluster-records"))
        .mapValues(ClusterOutput::cluster, Named.as("cluster-record-values"))
        .to(Topics.CLUSTERS.name(), Produced.with(Topics.CLUSTERS.keySerde(), Topics.CLUSTERS.valueSerde())
            .withName("clusters-sink"));
    KStream<String, TupleDelta> counted = clustered
        .filter((block, out) -> out.isCounted(), Named.as("counted-changes"))
        .mapValues(ClusterOutput::delta, Named.as("counted-deltas"))
        .merge(changes.get("changes-unclustered")
            .flatMapValues(MemberChange::unclusteredDeltas, Named.as("unclustered-deltas")), Named.as("counted"));
    counted
        .flatMap((key, delta) -> fanOut.toStats(delta), Named.as("window-fan-out"))
        .process(() -> new ChangeCombiner(WINDOW_PENDING_STORE, combineInterval, combineMax, metrics),
            Named.as("window-combine"), WINDOW_PENDING_STORE)
        .repartition(Repartitioned.<String, ChangeBatch>as(BY_WINDOW)
            .withStreamPartitioner(new BlockPartitioner<>())
            .withKeySerde(Serdes.String())
            .withValueSerde(new ChangeBatchSerde()))
        .flatMapValues(ChangeBatch::changes, Named.as("window-changes"))
        .process(() -> new StatsProcessor(windows, WINDOW_TUPLES_STORE, WINDOW_DIRTY_STORE, WINDOW_LATEST_STORE,
                currency, emitInterval, emitBudget, pauseFactor, horizon, blocks, metrics),
            Named.as("windows"), WINDOW_TUPLES_STORE, WINDOW_DIRTY_STORE, WINDOW_LATEST_STORE)
        .to(Topics.STATS.name(), Produced.with(Topics.STATS.keySerde(), Topics.STATS.valueSerde())
            .withName("stats-sink"));
    counted
        .flatMap((key, delta) -> fanOut.toPairs(delta), Named.as("pair-fan-out"))
        .process(() -> new ChangeCombiner(PAIR_PENDING_STORE, combineInterval, combineMax, metrics),
            Named.as("pair-combine"), PAIR_PENDING_STORE)
        .repartition(Repartitioned.<String, ChangeBatch>as(BY_PAIR)
            .withStreamPartitioner(new BlockPartitioner<>())
            .withKeySerde(Serdes.String())
            .withValueSerde(new ChangeBatchSerde()))
        .flatMapValues(ChangeBatch::changes, Named.as("pair-changes"))
        .process(() -> new DivergenceProcessor(windows, PAIR_TUPLES_STORE, PAIR_DIRTY_STORE, PAIR_LATEST_STORE, currency,
                divergence, emitInterval, emitBudget, pauseFactor, horizon, blocks, metrics),
            Named.as("divergence"), PAIR_TUPLES_STORE, PAIR_DIRTY_STORE, PAIR_LATEST_STORE)
        .to(Topics.DIVERGENCE.name(), Produced.with(Topics.DIVERGENCE.keySerde(), Topics.DIVERGENCE.valueSerde())
            .withName("divergence-sink"));

    // The answers as tables again, for the query API (interactive queries): the latest value per
    // key, kept as the topic's JSON bytes (parsed when asked for, not for every update).
    builder.table(Topics.STATS.name(),
        Consumed.with(Topics.STATS.keySerde(), Serdes.ByteArray()).withName("stats-source"),
        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(STATS_STORE)
            .withKeySerde(Topics.STATS.keySerde()).withValueSerde(Serdes.ByteArray()));
    builder.table(Topics.DIVERGENCE.name(),
        Consumed.with(Topics.DIVERGENCE.keySerde(), Serdes.ByteArray()).withName("divergence-source"),
        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(DIVERGENCE_STORE)
            .withKeySerde(Topics.DIVERGENCE.keySerde()).withValueSerde(Serdes.ByteArray()));

    return builder.build(config);
  }

  /**
   * The first stage alone, as in {@link #build}, but writing to the given topics: what every
   * posting costs before any aggregation (the benchmark measures it as the floor of the whole).
   */
  public static Topology buildClassifyStage(Properties config, String classifiedTopic, String deadLetterTopic) {
    StreamsBuilder builder = new StreamsBuilder();
    StreamMetrics metrics = new StreamMetrics(new SimpleMeterRegistry(),
        familyIds(taxonomy(JobstreamConfig.from(config))), deadLetterReasons());
    addClassifyStage(builder, config, metrics, classifiedTopic, deadLetterTopic);
    return builder.build(config);
  }

  /**
   * raw -> validate and classify -> classified, or dead letter with the reason; returns the
   * classified postings.
   */
  private static KStream<String, ClassifiedPosting> addClassifyStage(StreamsBuilder builder, Properties config,
      StreamMetrics metrics, String classifiedTopic, String deadLetterTopic) {
    JobstreamConfig settings = JobstreamConfig.from(config);
    String currency = settings.getString(JobstreamConfig.REPORTING_CURRENCY_CONFIG);
    long graceDays = settings.getLong(JobstreamConfig.GRACE_CONFIG);
    long futureDays = settings.getLong(JobstreamConfig.FUTURE_TOLERANCE_CONFIG);
    long maxRecordBytes = settings.getLong(JobstreamConfig.CLASSIFIED_MAX_BYTES_CONFIG);
    int rawPartitions = settings.getInt(JobstreamConfig.RAW_PARTITIONS_CONFIG);
    PostingClassifier classifier = new PostingClassifier(enricher(settings, currency), (int) Math.min(maxRecordBytes,
        Integer.MAX_VALUE));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(LATEST_DATE_STORE), Serdes.String(), Serdes.String()).withCachingEnabled());
    // cached: repeated writes of a key within a commit interval reach RocksDB and the changelog once
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POSTINGS_STORE),
        Serdes.String(), JsonSerde.of(ClusterMember.class)).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORDER_STORE),
        Serdes.String(), Serdes.Long()).withCachingEnabled());
    // Each posting id is owned by one task, which keeps its latest version: a record on another
    // partition than its owner's goes there first, through a repartition keyed by posting id.
    KStream<String, byte[]> arrived = builder.stream(Topics.RAW.name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-postings"));
    KStream<String, byte[]> rerouted = arrived
        .processValues(() -> new PostingPlacement(rawPartitions, false, metrics), Named.as("owned-elsewhere"))
        .repartition(Repartitioned.<String, byte[]>as(BY_POSTING)
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.ByteArray()));
    Map<String, KStream<String, ClassifyOutcome>> routes = arrived
        .processValues(() -> new PostingPlacement(rawPartitions, true, metrics), Named.as("owned-here"))
        .merge(rerouted, Named.as("postings-at-owner"))
        .processValues(() -> new ClassifyProcessor(classifier, LATEST_DATE_STORE, POSTINGS_STORE, ORDER_STORE,
                graceDays, futureDays, metrics),
            Named.as("validate-and-classify"), LATEST_DATE_STORE, POSTINGS_STORE, ORDER_STORE)
        .split(Named.as("route-"))
        .branch((id, outcome) -> outcome.isClassified() || outcome.deletion(), Branched.as("classified"))
        .defaultBranch(Branched.as("rejected"));
    routes.get("route-rejected")
        .mapValues(ClassifyOutcome::deadLetter, Named.as("dead-letter-value"))
        .to(deadLetterTopic, Produced.with(Topics.DLQ.keySerde(), Topics.DLQ.valueSerde()).withName("dlq-sink"));
    KStream<String, ClassifiedPosting> classified = routes.get("route-classified")
        .mapValues(ClassifyOutcome::classified, Named.as("classified-value"));
    classified.to(classifiedTopic,
        Produced.with(Topics.CLASSIFIED.keySerde(), Topics.CLASSIFIED.valueSerde()).withName("classified-sink"));
    return classified;
  }

  /** The families the classifier can give: the taxonomy's and {@code other}. */
  private static java.util.Set<String> familyIds(Taxonomy taxonomy) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    taxonomy.families().forEach(family -> ids.add(family.id()));
    ids.add(io.jobstream.classify.TitleClassification.OTHER);
    return ids;
  }

  /** The reasons a dead letter of the classify stage can carry. */
  private static java.util.Set<String> deadLetterReasons() {
    java.util.Set<String> reasons = new java.util.TreeSet<>(PostingClassifier.REASONS);
    reasons.addAll(ClassifyProcessor.REASONS);
    return reasons;
  }

  /** The classify library as configured; a bad taxonomy or rates file is a usage error. */
  static PostingEnricher enricher(JobstreamConfig config, String reportingCurrency) {
    String rates = config.getString(JobstreamConfig.RATES_CONFIG);
    return new PostingEnricher(
        new TitleClassifier(taxonomy(config)),
        new PayExtractor(rates == null ? CurrencyRates.builtIn() : CurrencyRates.withOverride(Path.of(rates)),
            payRanges(config), reportingCurrency));
  }

  private static Taxonomy taxonomy(JobstreamConfig config) {
    String file = config.getString(JobstreamConfig.TAXONOMY_CONFIG);
    return file == null ? Taxonomy.builtIn() : Taxonomy.withOverride(Path.of(file));
  }

  /**
   * Family ids become parts of keys ({@code jobs.salary.stats}, pairs), so they may hold only
   * lower-case letters, digits and underscores; every divergence pair must name two families the
   * taxonomy has (a typo would otherwise give no divergence, ever, without a word).
   */
  static void checkFamilies(JobstreamConfig config, DivergenceSettings divergence) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (Taxonomy.Family family : taxonomy(config).families()) {
      if (!family.id().matches("[a-z0-9_]+")) {
        throw new IllegalArgumentException(JobstreamConfig.TAXONOMY_CONFIG + ": family id '" + family.id()
            + "' may hold only lower-case letters, digits and underscores (ids are parts of topic keys)");
      }
      ids.add(family.id());
    }
    ids.add(io.jobstream.classify.TitleClassification.OTHER);
    for (DivergenceSettings.Pair pair : divergence.pairs()) {
      for (String family : List.of(pair.a(), pair.b())) {
        if (!ids.contains(family)) {
          throw new IllegalArgumentException(JobstreamConfig.PAIRS_CONFIG + ": '" + pair.a() + ":" + pair.b()
              + "' names family '" + family + "', which the taxonomy does not have (families: "
              + String.join(", ", ids) + ")");
        }
      }
    }
  }

  /** The pay ranges as configured (the config has checked that they read). */
  private static PeriodRanges payRanges(JobstreamConfig config) {
    return PeriodRanges.withOverrides(config.getString(JobstreamConfig.PAY_RANGES_CONFIG));
  }
}
