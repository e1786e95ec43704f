package io.jobstream.aggregate;

import io.jobstream.aggregate.dedup.CopyRule;
import io.jobstream.classify.PayExtractor;
import io.jobstream.classify.PostingEnricher;
import io.jobstream.classify.TitleClassifier;
import io.jobstream.classify.pay.CurrencyRates;
import io.jobstream.classify.pay.PeriodRanges;
import io.jobstream.classify.title.Taxonomy;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RecordSizes;
import io.jobstream.model.Topics;
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

  /** Config key: comma-separated window specs (see {@link WindowSpec}); default {@code 30d/1d}. */
  public static final String WINDOWS_CONFIG = "jobstream.windows";

  /** Config key: reporting currency of the statistics; default {@code USD}. */
  public static final String REPORTING_CURRENCY_CONFIG = "jobstream.reporting.currency";

  /** Config key: a taxonomy file over the built-in one (see the classify module). */
  public static final String TAXONOMY_CONFIG = "jobstream.classify.taxonomy";

  /** Config key: an exchange-rate file over the built-in table. */
  public static final String RATES_CONFIG = "jobstream.classify.rates";

  /** Config key: plausible pay per period in US dollars over the defaults, e.g. {@code hour=7..300}. */
  public static final String PAY_RANGES_CONFIG = "jobstream.classify.pay-ranges";

  public static final String DEFAULT_WINDOWS = "30d/1d";
  public static final String DEFAULT_REPORTING_CURRENCY = "USD";

  /** Config key: how often changed windows are re-computed and emitted, in ms (default 1000). */
  public static final String EMIT_INTERVAL_CONFIG = "jobstream.windows.emit-interval-ms";

  /**
   * Config key: the longest one emission of changed windows runs, in ms, before it leaves the rest
   * to the next (default 2000; keep it well below {@code transaction.timeout.ms}).
   */
  public static final String EMIT_BUDGET_CONFIG = "jobstream.windows.emit-budget-ms";

  /**
   * Config key: while input keeps coming, an emission that took T is followed by at least this
   * many times T, times the window tasks on the stream thread ({@link EmissionPacer}), without
   * another of that task (default {@value #DEFAULT_EMIT_PAUSE}; 0: every emit interval; at most
   * 1000). Re-computing then takes about 1 / (1 + factor) of the thread's time (more when one
   * emission is shorter than the emit interval, which is the least time between two).
   */
  public static final String EMIT_PAUSE_CONFIG = "jobstream.windows.emit-pause-factor";

  public static final int DEFAULT_EMIT_PAUSE = 3;

  /** Store of the latest statistics per key, queried by the HTTP API. */
  public static final String STATS_STORE = "stats-latest";

  /** Store of the latest divergence per key, queried by the HTTP API. */
  public static final String DIVERGENCE_STORE = "divergence-latest";

  /** Store of the latest version of each posting, as the cluster stage needs it. */
  public static final String POSTINGS_STORE = "postings-latest";

  /**
   * Config key: the days a posting without {@code validThrough} is taken to be open after its
   * date; copies whose open spans overlap count once (default 60; see {@code docs/dedup.md}).
   */
  public static final String DUPLICATE_PERIOD_CONFIG = "jobstream.duplicates.period-days";

  /**
   * Config key: the least similarity of two descriptions (MinHash estimate of the Jaccard
   * similarity of their word shingles, without boilerplate) for the postings to be copies, in
   * percent (default 50; 1 to 100).
   */
  public static final String DUPLICATE_SIMILARITY_CONFIG = "jobstream.duplicates.similarity-percent";

  /**
   * Config key: postings dated more than this many days before the latest posting date seen are
   * late: a dead letter with reason {@code late} (default 3650, so backfills of ten years count).
   */
  public static final String GRACE_CONFIG = "jobstream.late.grace-days";

  static final long DEFAULT_GRACE_DAYS = 3650;

  /**
   * Config key: postings dated more than this many days after today (UTC, wall clock) are dead
   * letters with reason {@code future_date} (default 1).
   */
  public static final String FUTURE_TOLERANCE_CONFIG = "jobstream.future.tolerance-days";

  /**
   * Config key: the most bytes one record of {@code jobs.postings.classified} may take, key and
   * framing included; a posting that would take more is a dead letter {@code too_large}. Default:
   * what the cluster takes, read at start ({@link StreamApp}), else 1,048,576.
   */
  public static final String CLASSIFIED_MAX_BYTES_CONFIG = "jobstream.classified.max-record-bytes";

  /** Store of the timestamp of the latest version or deletion applied per posting id ({@link VersionOrder}). */
  public static final String ORDER_STORE = "posting-version-times";

  /**
   * Name of the repartition that brings a raw record to the task owning its posting id when a
   * producer put it on another partition of {@code jobs.postings.raw} (a partitioner other than
   * Java's, such as librdkafka's): keyed by posting id, as many partitions as the raw topic, so
   * it reaches the partition Java's producer would have picked. Records already there skip it.
   */
  public static final String BY_POSTING = "postings-by-id";

  /**
   * Config key: the partition count of {@code jobs.postings.raw}, which decides which partition
   * owns a posting id. Not a user setting: {@link StreamApp} reads it from the cluster at start
   * (default 1, the one partition of a {@code TopologyTestDriver}).
   */
  public static final String RAW_PARTITIONS_CONFIG = "jobstream.raw.partitions";

  /** Store of the latest posting date the classify stage has seen. */
  public static final String LATEST_DATE_STORE = "latest-event-date";

  /** Store of the postings per duplicate key ({@link CopyBlock}), which fall into clusters of cross-posted copies. */
  public static final String CLUSTERS_STORE = "copy-blocks";

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

  /** Config key: days of window starts per block, the unit the window stages are spread by (default 90). */
  public static final String BLOCK_DAYS_CONFIG = "jobstream.windows.block-days";

  /** Store of the statistics stage: the number of counted postings per {@link PostingTuple}. */
  public static final String WINDOW_TUPLES_STORE = "window-tuple-counts";

  /** Store of the statistics stage: the days changed since the last emission, with the slices that changed. */
  public static final String WINDOW_DIRTY_STORE = "window-changed-days";

  /** Store of the divergence stage: the number of counted postings with pay per pair and {@link PostingTuple}. */
  public static final String PAIR_TUPLES_STORE = "pair-tuple-counts";

  /** Store of the divergence stage: the days changed since the last emission, with the slices that changed. */
  public static final String PAIR_DIRTY_STORE = "pair-changed-days";

  /** Every {@code jobstream.*} key the topology reads but {@link #RAW_PARTITIONS_CONFIG}, which is the cluster's. */
  public static final java.util.Set<String> SETTINGS = java.util.Set.of(WINDOWS_CONFIG, REPORTING_CURRENCY_CONFIG,
      TAXONOMY_CONFIG, RATES_CONFIG, PAY_RANGES_CONFIG, EMIT_INTERVAL_CONFIG, EMIT_BUDGET_CONFIG,
      EMIT_PAUSE_CONFIG, DUPLICATE_PERIOD_CONFIG, DUPLICATE_SIMILARITY_CONFIG, GRACE_CONFIG, FUTURE_TOLERANCE_CONFIG, BLOCK_DAYS_CONFIG,
      CLASSIFIED_MAX_BYTES_CONFIG);

  private JobstreamTopology() {}

  /** Builds the topology from the {@code jobstream.*} keys of {@code config}. */
  public static Topology build(Properties config) {
    List<WindowSpec> windows =
        WindowSpec.parseList(config.getProperty(WINDOWS_CONFIG, DEFAULT_WINDOWS));
    String currency = config.getProperty(REPORTING_CURRENCY_CONFIG, DEFAULT_REPORTING_CURRENCY);
    DivergenceSettings divergence = DivergenceSettings.from(config);
    checkFamilies(config, divergence);
    CopyRule copyRule = new CopyRule(setting(config, DUPLICATE_SIMILARITY_CONFIG,
        Math.round(CopyRule.DEFAULT_THRESHOLD * 100), 1, 100) / 100.0,
        setting(config, DUPLICATE_PERIOD_CONFIG, CopyRule.DEFAULT_SPAN_DAYS, 1));
    Duration emitInterval = Duration.ofMillis(setting(config, EMIT_INTERVAL_CONFIG, 1000, 1));
    Duration emitBudget = Duration.ofMillis(setting(config, EMIT_BUDGET_CONFIG, 2000, 0));
    int pauseFactor = (int) setting(config, EMIT_PAUSE_CONFIG, DEFAULT_EMIT_PAUSE, 0, 1000);
    Horizon horizon = new Horizon(windows, setting(config, GRACE_CONFIG, DEFAULT_GRACE_DAYS, 0));
    WindowBlocks blocks = new WindowBlocks(windows, setting(config, BLOCK_DAYS_CONFIG, 90, 1));
    WindowFanOut fanOut = new WindowFanOut(blocks, divergence);

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLUSTERS_STORE),
        Serdes.String(), JsonSerde.of(CopyBlock.class)).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLUSTER_COUNT_STORE),
        Serdes.String(), Serdes.Long()).withCachingEnabled());
    for (String store : List.of(WINDOW_TUPLES_STORE, PAIR_TUPLES_STORE)) {
      builder.addStateStore(Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.Long()).withCachingEnabled());
    }
    for (String store : List.of(WINDOW_DIRTY_STORE, PAIR_DIRTY_STORE)) {
      builder.addStateStore(Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.String()).withCachingEnabled());
    }

    Map<String, KStream<String, MemberChange>> changes = addClassifyStage(builder, config, Topics.CLASSIFIED.name(),
            Topics.DLQ.name())
        .process(() -> new PostingVersionProcessor(POSTINGS_STORE, LATEST_DATE_STORE, currency, horizon),
            Named.as("posting-versions"), POSTINGS_STORE, LATEST_DATE_STORE)
        .split(Named.as("changes-"))
        .branch((cluster, change) -> change.clustered(), Branched.as("clustered"))
        .defaultBranch(Branched.as("unclustered"));
    KStream<String, TupleDelta> counted = changes.get("changes-clustered")
        .repartition(Repartitioned.<String, MemberChange>as(BY_CLUSTER)
            .withKeySerde(Serdes.String())
            .withValueSerde(JsonSerde.of(MemberChange.class)))
        .process(() -> new ClusterProcessor(CLUSTERS_STORE, CLUSTER_COUNT_STORE, copyRule, horizon),
            Named.as("clusters"), CLUSTERS_STORE, CLUSTER_COUNT_STORE)
        .merge(changes.get("changes-unclustered")
            .flatMapValues(MemberChange::unclusteredDeltas, Named.as("unclustered-deltas")), Named.as("counted"));
    counted
        .flatMap((key, delta) -> fanOut.toStats(delta), Named.as("window-fan-out"))
        .repartition(Repartitioned.<String, TupleDelta>as(BY_WINDOW)
            .withStreamPartitioner(new BlockPartitioner<>())
            .withKeySerde(Serdes.String())
            .withValueSerde(JsonSerde.of(TupleDelta.class)))
        .process(() -> new StatsProcessor(windows, WINDOW_TUPLES_STORE, WINDOW_DIRTY_STORE, currency,
                emitInterval, emitBudget, pauseFactor, horizon, blocks),
            Named.as("windows"), WINDOW_TUPLES_STORE, WINDOW_DIRTY_STORE)
        .to(Topics.STATS.name(), Produced.with(Topics.STATS.keySerde(), Topics.STATS.valueSerde())
            .withName("stats-sink"));
    counted
        .flatMap((key, delta) -> fanOut.toPairs(delta), Named.as("pair-fan-out"))
        .repartition(Repartitioned.<String, TupleDelta>as(BY_PAIR)
            .withStreamPartitioner(new BlockPartitioner<>())
            .withKeySerde(Serdes.String())
            .withValueSerde(JsonSerde.of(TupleDelta.class)))
        .process(() -> new DivergenceProcessor(windows, PAIR_TUPLES_STORE, PAIR_DIRTY_STORE, currency, divergence,
                emitInterval, emitBudget, pauseFactor, horizon, blocks),
            Named.as("divergence"), PAIR_TUPLES_STORE, PAIR_DIRTY_STORE)
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
    addClassifyStage(builder, config, classifiedTopic, deadLetterTopic);
    return builder.build(config);
  }

  /**
   * raw -> validate and classify -> classified, or dead letter with the reason; returns the
   * classified postings.
   */
  private static KStream<String, ClassifiedPosting> addClassifyStage(StreamsBuilder builder, Properties config,
      String classifiedTopic, String deadLetterTopic) {
    String currency = config.getProperty(REPORTING_CURRENCY_CONFIG, DEFAULT_REPORTING_CURRENCY);
    long graceDays = setting(config, GRACE_CONFIG, DEFAULT_GRACE_DAYS, 0);
    long futureDays = setting(config, FUTURE_TOLERANCE_CONFIG, 1, 0);
    long maxRecordBytes = setting(config, CLASSIFIED_MAX_BYTES_CONFIG, RecordSizes.KAFKA_DEFAULT_LIMIT_BYTES, 1024);
    int rawPartitions = (int) setting(config, RAW_PARTITIONS_CONFIG, 1, 1, Integer.MAX_VALUE);
    PostingClassifier classifier = new PostingClassifier(enricher(config, currency), (int) Math.min(maxRecordBytes,
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
        .processValues(() -> new PostingPlacement(rawPartitions, false), Named.as("owned-elsewhere"))
        .repartition(Repartitioned.<String, byte[]>as(BY_POSTING)
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.ByteArray()));
    Map<String, KStream<String, ClassifyOutcome>> routes = arrived
        .processValues(() -> new PostingPlacement(rawPartitions, true), Named.as("owned-here"))
        .merge(rerouted, Named.as("postings-at-owner"))
        .processValues(() -> new ClassifyProcessor(classifier, LATEST_DATE_STORE, POSTINGS_STORE, ORDER_STORE,
                graceDays, futureDays),
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

  /** A whole-number setting of at least {@code min}; anything else is a usage error naming the key. */
  static long setting(Properties config, String key, long defaultValue, long min) {
    return setting(config, key, defaultValue, min, Long.MAX_VALUE);
  }

  /** A whole-number setting from {@code min} to {@code max}; anything else is a usage error naming the key. */
  static long setting(Properties config, String key, long defaultValue, long min, long max) {
    String raw = config.getProperty(key);
    if (raw == null) {
      return defaultValue;
    }
    long value;
    try {
      value = Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a whole number: '" + raw + "'");
    }
    if (value < min) {
      throw new IllegalArgumentException(key + " must be at least " + min + ", not " + value);
    }
    if (value > max) {
      throw new IllegalArgumentException(key + " must be at most " + max + ", not " + value);
    }
    return value;
  }

  /** The classify library as configured; a bad taxonomy or rates file is a usage error. */
  static PostingEnricher enricher(Properties config, String reportingCurrency) {
    String rates = config.getProperty(RATES_CONFIG);
    return new PostingEnricher(
        new TitleClassifier(taxonomy(config)),
        new PayExtractor(rates == null ? CurrencyRates.builtIn() : CurrencyRates.withOverride(Path.of(rates)),
            payRanges(config), reportingCurrency));
  }

  private static Taxonomy taxonomy(Properties config) {
    String file = config.getProperty(TAXONOMY_CONFIG);
    return file == null ? Taxonomy.builtIn() : Taxonomy.withOverride(Path.of(file));
  }

  /**
   * Family ids become parts of keys ({@code jobs.salary.stats}, pairs), so they may hold only
   * lower-case letters, digits and underscores; every divergence pair must name two families the
   * taxonomy has (a typo would otherwise give no divergence, ever, without a word).
   */
  static void checkFamilies(Properties config, DivergenceSettings divergence) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (Taxonomy.Family family : taxonomy(config).families()) {
      if (!family.id().matches("[a-z0-9_]+")) {
        throw new IllegalArgumentException(TAXONOMY_CONFIG + ": family id '" + family.id()
            + "' may hold only lower-case letters, digits and underscores (ids are parts of topic keys)");
      }
      ids.add(family.id());
    }
    ids.add(io.jobstream.classify.TitleClassification.OTHER);
    for (DivergenceSettings.Pair pair : divergence.pairs()) {
      for (String family : List.of(pair.a(), pair.b())) {
        if (!ids.contains(family)) {
          throw new IllegalArgumentException(DivergenceSettings.PAIRS_CONFIG + ": '" + pair.a() + ":" + pair.b()
              + "' names family '" + family + "', which the taxonomy does not have (families: "
              + String.join(", ", ids) + ")");
        }
      }
    }
  }

  private static PeriodRanges payRanges(Properties config) {
    try {
      return PeriodRanges.withOverrides(config.getProperty(PAY_RANGES_CONFIG));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PAY_RANGES_CONFIG + ": " + e.getMessage(), e);
    }
  }
}
