package io.jobstream.aggregate;

import io.jobstream.classify.PayExtractor;
import io.jobstream.classify.PostingEnricher;
import io.jobstream.classify.TitleClassifier;
import io.jobstream.classify.pay.CurrencyRates;
import io.jobstream.classify.title.Taxonomy;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The jobstream topology, in two sub-topologies joined by {@code jobs.postings.classified}:
 *
 * <ol>
 *   <li>{@code jobs.postings.raw} -> validate and classify -> {@code jobs.postings.classified},
 *       or {@code jobs.postings.dlq} with the reason (every raw record ends in exactly one).
 *   <li>{@code jobs.postings.classified} read as a table (latest version per posting id) ->
 *       reduced to what the cluster stage needs ({@link ClusterMember}), grouped into clusters of
 *       cross-posted copies ({@link PostingCluster}), of which one
 *       counts -> counted by {@link PostingTuple} (family, day, slice and pay), where the table's subtractor
 *       takes out a posting's old version when a new one arrives -> counts brought to one task ->
 *       every emit interval, every window containing a changed day is re-computed ->
 *       {@code jobs.salary.stats}, and the pay gaps of the configured family pairs ->
 *       {@code jobs.salary.divergence}.
 * </ol>
 *
 * <p>The counts are a plain (not windowed) table aggregation, so nothing expires with stream time
 * and historical postings (years old) are counted like new ones; every topic on the way has no
 * time-based retention on record timestamps (the raw and dead-letter topics use the broker's
 * append time), so postings dated years ago are not deleted by the broker either.
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

  public static final String DEFAULT_WINDOWS = "30d/1d";
  public static final String DEFAULT_REPORTING_CURRENCY = "USD";

  /** Config key: how often changed windows are re-computed and emitted, in ms (default 1000). */
  public static final String EMIT_INTERVAL_CONFIG = "jobstream.windows.emit-interval-ms";

  /**
   * Config key: the longest one emission of changed windows runs, in ms, before it leaves the rest
   * to the next (default 2000; keep it well below {@code transaction.timeout.ms}).
   */
  public static final String EMIT_BUDGET_CONFIG = "jobstream.windows.emit-budget-ms";

  /** Store of the latest statistics per key, queried by the HTTP API. */
  public static final String STATS_STORE = "stats-latest";

  /** Store of the latest divergence per key, queried by the HTTP API. */
  public static final String DIVERGENCE_STORE = "divergence-latest";

  /** Store of the latest classified version of each posting. */
  public static final String POSTINGS_STORE = "postings-latest";

  /** Config key: cross-posted copies dated within the same period of this many days count once (default 60). */
  public static final String DUPLICATE_PERIOD_CONFIG = "jobstream.duplicates.period-days";

  /**
   * Config key: postings dated more than this many days before the latest posting date seen are
   * late: a dead letter with reason {@code late} (default 3650, so backfills of ten years count).
   */
  public static final String GRACE_CONFIG = "jobstream.late.grace-days";

  /** Store of the latest posting date the classify stage has seen. */
  public static final String LATEST_DATE_STORE = "latest-event-date";

  /** Store of the clusters of cross-posted copies. */
  public static final String CLUSTERS_STORE = "posting-clusters";

  /** Name of the repartition between the postings table and the clusters. */
  public static final String BY_CLUSTER = "postings-by-cluster";

  /** Store of the current number of postings per {@link PostingTuple}. */
  public static final String TUPLE_COUNTS_STORE = "posting-tuple-counts";

  /** Name of the repartition between the postings table and the tuple counts. */
  public static final String BY_TUPLE = "postings-by-tuple";

  /**
   * Name of the repartition that brings all day buckets to the window task: day buckets are
   * spread over partitions by (family, day), but a window needs all days of a family and a
   * divergence both families of its pair. The stage runs in one task (one partition key); the
   * stages before it, where the per-posting work is, spread over all partitions.
   */
  public static final String BY_GROUP = "day-buckets-to-windows";

  /** The one key of the window stage's repartition. */
  static final String WINDOW_TASK_KEY = "windows";

  /** Store of the window processor: the tuple counts, all in one task. */
  public static final String WINDOW_TUPLES_STORE = "window-tuple-counts";

  /** Store of the window processor: the days changed since the last emission. */
  public static final String WINDOW_DIRTY_STORE = "window-changed-days";

  private JobstreamTopology() {}

  /** Builds the topology from the {@code jobstream.*} keys of {@code config}. */
  public static Topology build(Properties config) {
    List<WindowSpec> windows =
        WindowSpec.parseList(config.getProperty(WINDOWS_CONFIG, DEFAULT_WINDOWS));
    String currency = config.getProperty(REPORTING_CURRENCY_CONFIG, DEFAULT_REPORTING_CURRENCY);
    DivergenceSettings divergence = DivergenceSettings.from(config);
    long duplicatePeriodDays = setting(config, DUPLICATE_PERIOD_CONFIG, 60, 1);
    Duration emitInterval = Duration.ofMillis(setting(config, EMIT_INTERVAL_CONFIG, 1000, 1));
    Duration emitBudget = Duration.ofMillis(setting(config, EMIT_BUDGET_CONFIG, 2000, 0));
    JsonSerde<ClassifiedPosting> classifiedSerde = JsonSerde.of(ClassifiedPosting.class);

    StreamsBuilder builder = new StreamsBuilder();
    addClassifyStage(builder, config, Topics.CLASSIFIED.name(), Topics.DLQ.name());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(WINDOW_TUPLES_STORE), Serdes.String(), Serdes.Long()).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(WINDOW_DIRTY_STORE), Serdes.String(), Serdes.String()).withCachingEnabled());

    KTable<String, ClassifiedPosting> postings = builder.table(Topics.CLASSIFIED.name(),
        Consumed.with(Serdes.String(), classifiedSerde).withName("classified-postings"),
        Materialized.<String, ClassifiedPosting, KeyValueStore<Bytes, byte[]>>as(POSTINGS_STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(classifiedSerde));

    JsonSerde<ClusterMember> memberSerde = JsonSerde.of(ClusterMember.class);
    postings
        .mapValues(posting -> ClusterMember.of(posting, currency), Named.as("cluster-members"))
        .groupBy((id, member) -> KeyValue.pair(PostingCluster.key(member, duplicatePeriodDays), member),
            Grouped.with(BY_CLUSTER, Serdes.String(), memberSerde))
        .aggregate(PostingCluster::empty,
            (key, member, cluster) -> cluster.plus(member),
            (key, member, cluster) -> cluster.minus(member),
            Named.as("cluster-aggregate"),
            Materialized.<String, PostingCluster, KeyValueStore<Bytes, byte[]>>as(CLUSTERS_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(JsonSerde.of(PostingCluster.class)))
        // an emptied cluster is a deletion, so its last tuple is subtracted below
        .mapValues(cluster -> cluster.isEmpty() ? null : cluster, Named.as("non-empty-clusters"))
        .groupBy((key, cluster) -> KeyValue.pair(cluster.countedTuple(), ""),
            Grouped.with(BY_TUPLE, Serdes.String(), Serdes.String()))
        .count(Named.as("tuple-count"),
            Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(TUPLE_COUNTS_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long()))
        .toStream(Named.as("tuple-count-changes"))
        .map((tuple, count) -> KeyValue.pair(WINDOW_TASK_KEY,
            new TupleCount(tuple, count == null ? 0 : count)), Named.as("key-for-windows"))
        .repartition(Repartitioned.<String, TupleCount>as(BY_GROUP)
            .withKeySerde(Serdes.String())
            .withValueSerde(JsonSerde.of(TupleCount.class)))
        .process(() -> new WindowProcessor(windows, WINDOW_TUPLES_STORE, WINDOW_DIRTY_STORE,
                currency, divergence, emitInterval, emitBudget),
            Named.as("windows"), WINDOW_TUPLES_STORE, WINDOW_DIRTY_STORE)
        .split(Named.as("window-output-"))
        .branch((key, out) -> out.isStats(), Branched.withConsumer(stats -> stats
            .mapValues(WindowOutput::stats, Named.as("stats-value"))
            .to(Topics.STATS.name(), Produced.with(Topics.STATS.keySerde(), Topics.STATS.valueSerde())
                .withName("stats-sink")), "stats"))
        .defaultBranch(Branched.withConsumer(gaps -> gaps
            .mapValues(WindowOutput::divergence, Named.as("divergence-value"))
            .to(Topics.DIVERGENCE.name(), Produced.with(Topics.DIVERGENCE.keySerde(),
                Topics.DIVERGENCE.valueSerde()).withName("divergence-sink")), "divergence"));

    // The answers as tables again, for the query API (interactive queries): the latest value per key.
    builder.table(Topics.STATS.name(),
        Consumed.with(Topics.STATS.keySerde(), Topics.STATS.valueSerde()).withName("stats-source"),
        Materialized.<String, io.jobstream.model.SalaryStats, KeyValueStore<Bytes, byte[]>>as(STATS_STORE)
            .withKeySerde(Topics.STATS.keySerde()).withValueSerde(Topics.STATS.valueSerde()));
    builder.table(Topics.DIVERGENCE.name(),
        Consumed.with(Topics.DIVERGENCE.keySerde(), Topics.DIVERGENCE.valueSerde()).withName("divergence-source"),
        Materialized.<String, io.jobstream.model.SalaryDivergence, KeyValueStore<Bytes, byte[]>>as(DIVERGENCE_STORE)
            .withKeySerde(Topics.DIVERGENCE.keySerde()).withValueSerde(Topics.DIVERGENCE.valueSerde()));

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

  /** raw -> validate and classify -> classified, or dead letter with the reason. */
  private static void addClassifyStage(StreamsBuilder builder, Properties config, String classifiedTopic,
      String deadLetterTopic) {
    String currency = config.getProperty(REPORTING_CURRENCY_CONFIG, DEFAULT_REPORTING_CURRENCY);
    long graceDays = setting(config, GRACE_CONFIG, 3650, 0);
    PostingClassifier classifier = new PostingClassifier(enricher(config, currency));
    // cached: repeated writes of a key within a commit interval reach RocksDB and the changelog once
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(LATEST_DATE_STORE), Serdes.String(), Serdes.String()).withCachingEnabled());
    KStream<String, ClassifyOutcome> outcomes = builder
        .stream(Topics.RAW.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-postings"))
        .processValues(() -> new ClassifyProcessor(classifier, LATEST_DATE_STORE, graceDays),
            Named.as("validate-and-classify"), LATEST_DATE_STORE);
    outcomes.split(Named.as("route-"))
        .branch((id, outcome) -> outcome.isClassified(), Branched.withConsumer(classified -> classified
            .mapValues(ClassifyOutcome::classified, Named.as("classified-value"))
            .to(classifiedTopic, Produced.with(Topics.CLASSIFIED.keySerde(),
                Topics.CLASSIFIED.valueSerde()).withName("classified-sink")), "classified"))
        .defaultBranch(Branched.withConsumer(rejected -> rejected
            .mapValues(ClassifyOutcome::deadLetter, Named.as("dead-letter-value"))
            .to(deadLetterTopic, Produced.with(Topics.DLQ.keySerde(), Topics.DLQ.valueSerde())
                .withName("dlq-sink")), "rejected"));
  }

  /** A whole-number setting of at least {@code min}; anything else is a usage error naming the key. */
  static long setting(Properties config, String key, long defaultValue, long min) {
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
    return value;
  }

  /** The classify library as configured; a bad taxonomy or rates file is a usage error. */
  static PostingEnricher enricher(Properties config, String reportingCurrency) {
    String taxonomy = config.getProperty(TAXONOMY_CONFIG);
    String rates = config.getProperty(RATES_CONFIG);
    return new PostingEnricher(
        new TitleClassifier(taxonomy == null ? Taxonomy.builtIn() : Taxonomy.withOverride(Path.of(taxonomy))),
        new PayExtractor(rates == null ? CurrencyRates.builtIn() : CurrencyRates.withOverride(Path.of(rates)),
            reportingCurrency));
  }
}
