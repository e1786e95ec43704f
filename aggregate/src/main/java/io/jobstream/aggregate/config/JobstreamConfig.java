package io.jobstream.aggregate.config;

import io.jobstream.aggregate.WindowSpec;
import io.jobstream.classify.pay.PeriodRanges;
import io.jobstream.model.RecordSizes;
import io.jobstream.model.Topics;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Every {@code jobstream.*} setting, declared once with its type, default, validator and
 * documentation, as Kafka's own configs are ({@code StreamsConfig} over a {@link ConfigDef}).
 * The streams app, the topology, the health watch and the command line read their settings
 * through it; {@code docs/configuration.md} is written from {@link #DEFINITION} by
 * {@code ConfigReference} of the app ({@code jobstream config-reference}).
 *
 * <p>A value that cannot be read or is out of range is an {@link IllegalArgumentException} naming
 * the key ({@link #from}), which the command line turns into exit code 2. Keys of other prefixes
 * (Kafka client settings, {@code ingest.*}) are left alone: the config may hold them, it does not
 * read them.
 */
public final class JobstreamConfig extends AbstractConfig {

  /** Comma-separated window specs ({@link WindowSpec}); default {@value #DEFAULT_WINDOWS}. */
  public static final String WINDOWS_CONFIG = "jobstream.windows";

  public static final String DEFAULT_WINDOWS = "30d/1d";

  /** Currency of the statistics; default {@value #DEFAULT_REPORTING_CURRENCY}. */
  public static final String REPORTING_CURRENCY_CONFIG = "jobstream.reporting.currency";

  public static final String DEFAULT_REPORTING_CURRENCY = "USD";

  /** A taxonomy file over the built-in one; default none. */
  public static final String TAXONOMY_CONFIG = "jobstream.classify.taxonomy";

  /** An exchange-rate file over the built-in table; default none. */
  public static final String RATES_CONFIG = "jobstream.classify.rates";

  /** Plausible pay per period in US dollars over the defaults, e.g. {@code hour=7..300}; default none. */
  public static final String PAY_RANGES_CONFIG = "jobstream.classify.pay-ranges";

  /** How often changed windows are re-computed and emitted, in ms; default 1000. */
  public static final String EMIT_INTERVAL_CONFIG = "jobstream.windows.emit-interval-ms";

  /**
   * How long the changes bound for one window or pair task are combined before they cross the
   * repartition as one batch, in ms of wall-clock time; default 1000 (the commit interval: a
   * batch is read downstream only once committed anyway).
   */
  public static final String COMBINE_INTERVAL_CONFIG = "jobstream.windows.combine-interval-ms";

  /** The most entries (tuples with a net count) in one batch of combined changes; default 2000. */
  public static final String COMBINE_MAX_CONFIG = "jobstream.windows.combine-max-changes";

  /** The longest one emission runs, in ms, before it leaves the rest to the next; default 2000. */
  public static final String EMIT_BUDGET_CONFIG = "jobstream.windows.emit-budget-ms";

  /**
   * While input keeps coming, an emission that took T is followed by at least this many times T,
   * times the window tasks on the stream thread ({@code EmissionPacer}), without another of that
   * task; default {@value #DEFAULT_EMIT_PAUSE}, 0 (every emit interval) to 1000. Re-computing then
   * takes about 1 / (1 + factor) of the thread's time (more when one emission is shorter than the
   * emit interval, which is the least time between two).
   */
  public static final String EMIT_PAUSE_CONFIG = "jobstream.windows.emit-pause-factor";

  public static final int DEFAULT_EMIT_PAUSE = 3;

  /** Days of window starts per block, the unit the window stages are spread by; default 90. */
  public static final String BLOCK_DAYS_CONFIG = "jobstream.windows.block-days";

  /**
   * The days a posting without {@code validThrough} is taken to be open after its date; copies
   * whose open spans overlap count once (default 60; see {@code docs/dedup.md}).
   */
  public static final String DUPLICATE_PERIOD_CONFIG = "jobstream.duplicates.period-days";

  /**
   * The least similarity of two descriptions (MinHash estimate of the Jaccard similarity of their
   * word shingles, boilerplate removed) for the postings to be copies, in percent; default 80.
   */
  public static final String DUPLICATE_SIMILARITY_CONFIG = "jobstream.duplicates.similarity-percent";

  /** Postings dated more than this many days before the latest posting date are late; default {@value #DEFAULT_GRACE_DAYS}. */
  public static final String GRACE_CONFIG = "jobstream.late.grace-days";

  public static final long DEFAULT_GRACE_DAYS = 3650;

  /** Postings dated more than this many days after today (UTC) are dead letters; default 1. */
  public static final String FUTURE_TOLERANCE_CONFIG = "jobstream.future.tolerance-days";

  /**
   * The most bytes one record of {@code jobs.postings.classified} may take; default what the
   * cluster takes, read at start by the streams app, else 1,048,576.
   */
  public static final String CLASSIFIED_MAX_BYTES_CONFIG = "jobstream.classified.max-record-bytes";

  /**
   * The partition count of {@code jobs.postings.raw}, which decides which partition owns a posting
   * id. Not a user setting (internal: not documented, refused in a config file): the streams app
   * reads it from the cluster at start; default 1, the one partition of a {@code TopologyTestDriver}.
   */
  public static final String RAW_PARTITIONS_CONFIG = "jobstream.raw.partitions";

  /** Family pairs to compare, {@code A:B,...}; default {@value #DEFAULT_PAIRS}. */
  public static final String PAIRS_CONFIG = "jobstream.divergence.pairs";

  public static final String DEFAULT_PAIRS = "ml_engineer:data_scientist,ai_engineer:ml_engineer,data_engineer:data_analyst";

  /** Significance level of the pay gaps; default 0.05. */
  public static final String ALPHA_CONFIG = "jobstream.divergence.alpha";

  /** Postings with pay each side of a pair needs for a divergence; default 30. */
  public static final String MIN_N_CONFIG = "jobstream.divergence.min-n";

  /** How long input may wait with no progress before the app counts as stuck, in ms; default 30000. */
  public static final String STALL_TIMEOUT_CONFIG = "jobstream.health.stall-timeout-ms";

  /** How often the committed and end offsets are compared, in ms; default 10000. */
  public static final String CHECK_INTERVAL_CONFIG = "jobstream.health.check-interval-ms";

  /** Whether a {@code processing.guarantee} other than {@code exactly_once_v2} is accepted; default false. */
  public static final String ACCEPT_INEXACT_CONFIG = "jobstream.statistics.accept-inexact";

  /** Partitions of the topics jobstream creates; default {@value Topics#PARTITIONS}. */
  public static final String PARTITIONS_CONFIG = "jobstream.partitions";

  /** The declaration of every key; the reference page is written from it. */
  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(WINDOWS_CONFIG, Type.STRING, DEFAULT_WINDOWS, new WindowSpecs(), Importance.HIGH,
          "Window specs, comma-separated: rolling `SIZEd/ADVANCEd` in UTC days, window starts aligned to"
              + " multiples of ADVANCE since 1970-01-01, or calendar `month`, `quarter`, `year` (UTC)."
              + " `--window` (repeatable) sets it on the command line.")
      .define(REPORTING_CURRENCY_CONFIG, Type.STRING, DEFAULT_REPORTING_CURRENCY, new ConfigDef.NonEmptyString(),
          Importance.MEDIUM, "Currency of the statistics: pay is converted to it at the rate of the posting's year.")
      .define(TAXONOMY_CONFIG, Type.STRING, null, Importance.LOW,
          "A taxonomy file over the built-in one (see classification.md); none: the built-in taxonomy.")
      .define(RATES_CONFIG, Type.STRING, null, Importance.LOW,
          "An exchange-rate file over the built-in table; none: the built-in table.")
      .define(PAY_RANGES_CONFIG, Type.STRING, null, new PayRanges(), Importance.LOW,
          "Plausible pay per period in US dollars over the defaults, e.g. `hour=7..300,month=1000..50000`"
              + " (see classification.md); none: the defaults.")
      .define(EMIT_INTERVAL_CONFIG, Type.LONG, 1000L, WholeNumber.atLeast(1), Importance.MEDIUM,
          "How often changed windows are re-computed and emitted, in milliseconds.")
      .define(COMBINE_INTERVAL_CONFIG, Type.LONG, 1000L, WholeNumber.atLeast(1), Importance.LOW,
          "How long the changes bound for one window or pair task are combined (net count per tuple)"
              + " before they cross the repartition as one batch, in milliseconds of wall-clock time.")
      .define(COMBINE_MAX_CONFIG, Type.LONG, 2000L, WholeNumber.between(1, 100_000), Importance.LOW,
          "The most entries (tuples with a net count) in one batch of combined changes; a task key's"
              + " batch is sent early when it has this many.")
      .define(EMIT_BUDGET_CONFIG, Type.LONG, 2000L, WholeNumber.atLeast(0), Importance.MEDIUM,
          "The longest one emission runs, in milliseconds, before it leaves the remaining windows to the"
              + " next; keep it well below `transaction.timeout.ms`.")
      .define(EMIT_PAUSE_CONFIG, Type.LONG, (long) DEFAULT_EMIT_PAUSE, WholeNumber.between(0, 1000), Importance.LOW,
          "While input keeps coming, an emission that took T is followed by at least this many times T"
              + " (times the window tasks on the stream thread) without one of that task; 0: every emit interval.")
      .define(BLOCK_DAYS_CONFIG, Type.LONG, 90L, WholeNumber.atLeast(1), Importance.LOW,
          "Days of window starts per block: the windows of a family (or pair) are spread over tasks by"
              + " block, and a change goes to every block that needs its day.")
      .define(DUPLICATE_PERIOD_CONFIG, Type.LONG, 60L, WholeNumber.atLeast(1), Importance.MEDIUM,
          "Days a posting without `validThrough` is open after its date; cross-posted copies whose open"
              + " spans overlap count once (see dedup.md).")
      .define(DUPLICATE_SIMILARITY_CONFIG, Type.LONG, 80L, WholeNumber.between(1, 100), Importance.MEDIUM,
          "Least similarity of two descriptions, in percent (MinHash estimate of the Jaccard similarity of"
              + " their 3-word shingles, boilerplate removed), for postings of one company and title to be"
              + " copies (see dedup.md).")
      .define(GRACE_CONFIG, Type.LONG, DEFAULT_GRACE_DAYS, WholeNumber.atLeast(0), Importance.HIGH,
          "Postings dated more than this many days before the latest posting date seen (never later than"
              + " today) are dead letters with reason `late`; also how far back the stores keep postings"
              + " (see Bounded state in architecture.md).")
      .define(FUTURE_TOLERANCE_CONFIG, Type.LONG, 1L, WholeNumber.atLeast(0), Importance.LOW,
          "Postings dated more than this many days after today (UTC, wall clock) are dead letters with"
              + " reason `future_date`.")
      .define(CLASSIFIED_MAX_BYTES_CONFIG, Type.LONG, (long) RecordSizes.KAFKA_DEFAULT_LIMIT_BYTES,
          WholeNumber.atLeast(1024), Importance.LOW,
          "The most bytes one record of `jobs.postings.classified` may take, key and framing included; a"
              + " posting that would take more is a dead letter `too_large`. When not set, the streams app"
              + " takes what the cluster accepts, read at start (see sizes.md).")
      .defineInternal(RAW_PARTITIONS_CONFIG, Type.INT, 1, WholeNumber.between(1, Integer.MAX_VALUE), Importance.LOW,
          "Partition count of jobs.postings.raw, read from the cluster at start.")
      .define(PAIRS_CONFIG, Type.STRING, DEFAULT_PAIRS, new FamilyPairs(), Importance.HIGH,
          "Family pairs to compare, `A:B`, comma-separated; each family must be one of the taxonomy's.")
      .define(ALPHA_CONFIG, Type.DOUBLE, 0.05, new OpenUnitInterval(), Importance.MEDIUM,
          "Significance level: a gap is `significant` when its p-value is below it.")
      .define(MIN_N_CONFIG, Type.LONG, 30L, WholeNumber.atLeast(2), Importance.MEDIUM,
          "Postings with pay each side of a pair needs for a divergence; below it a slice gets a tombstone.")
      .define(STALL_TIMEOUT_CONFIG, Type.LONG, 30_000L, WholeNumber.atLeast(1), Importance.MEDIUM,
          "Input that waits this many milliseconds with no progress makes `/health` unhealthy.")
      .define(CHECK_INTERVAL_CONFIG, Type.LONG, 10_000L, WholeNumber.atLeast(100), Importance.LOW,
          "How often, in milliseconds, the streams app compares its committed offsets with the ends of its input.")
      .define(ACCEPT_INEXACT_CONFIG, Type.BOOLEAN, false, Importance.LOW,
          "`true` lets `processing.guarantee` be other than `exactly_once_v2`; otherwise that is refused"
              + " at start, because the statistics are exact only under it.")
      .define(PARTITIONS_CONFIG, Type.INT, Topics.PARTITIONS, WholeNumber.between(1, 10_000), Importance.MEDIUM,
          "Partitions of each topic jobstream creates, so that several instances share every stage;"
              + " topics that exist are left as they are.");

  private JobstreamConfig(Map<?, ?> settings) {
    super(DEFINITION, settings, false);
  }

  /**
   * The settings of {@code settings} (other keys are ignored).
   *
   * @throws IllegalArgumentException naming the key, for a value that cannot be read or is not valid
   */
  public static JobstreamConfig from(Properties settings) {
    for (ConfigDef.ConfigKey key : DEFINITION.configKeys().values()) {
      Object raw = settings.get(key.name);
      if (raw != null) {
        checkType(key, raw);
      }
    }
    try {
      return new JobstreamConfig(settings);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The keys a user may set: every declared key but the internal ones. */
  public static Set<String> userKeys() {
    Set<String> keys = new TreeSet<>();
    DEFINITION.configKeys().values().forEach(k -> {
      if (!k.internalConfig) {
        keys.add(k.name);
      }
    });
    return keys;
  }

  /** Whether {@code key} is set in the settings this config was made from. */
  public boolean isSet(String key) {
    return originals().containsKey(key);
  }

  private static void checkType(ConfigDef.ConfigKey key, Object raw) {
    try {
      ConfigDef.parseType(key.name, raw, key.type);
    } catch (ConfigException e) {
      String kind = switch (key.type) {
        case INT, LONG, SHORT -> "a whole number";
        case DOUBLE -> "a number";
        case BOOLEAN -> "true or false";
        default -> "a " + key.type.name().toLowerCase(java.util.Locale.ROOT);
      };
      throw new IllegalArgumentException(key.name + " is not " + kind + ": '" + raw + "'", e);
    }
  }

  /** A whole number from {@code min} to {@code max}; the message names the key and the bound. */
  static final class WholeNumber implements ConfigDef.Validator {
    private final long min;
    private final long max;

    private WholeNumber(long min, long max) {
      this.min = min;
      this.max = max;
    }

    static WholeNumber atLeast(long min) {
      return new WholeNumber(min, Long.MAX_VALUE);
    }

    static WholeNumber between(long min, long max) {
      return new WholeNumber(min, max);
    }

    @Override
    public void ensureValid(String name, Object value) {
      long n = ((Number) value).longValue();
      if (n < min) {
        throw new ConfigException(name + " must be at least " + min + ", not " + n);
      }
      if (n > max) {
        throw new ConfigException(name + " must be at most " + max + ", not " + n);
      }
    }

    @Override
    public String toString() {
      if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
        return "at least " + min;
      }
      return min + " to " + max;
    }
  }

  /** A number above 0 and below 1. */
  static final class OpenUnitInterval implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      double x = (Double) value;
      if (!(x > 0 && x < 1)) {
        throw new ConfigException(name + " must be above 0 and below 1, not " + x);
      }
    }

    @Override
    public String toString() {
      return "above 0, below 1";
    }
  }

  /** Window specs {@link WindowSpec#parseList} reads. */
  static final class WindowSpecs implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      try {
        WindowSpec.parseList((String) value);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name + ": " + e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "`SIZEd/ADVANCEd`, `month`, `quarter`, `year`, comma-separated";
    }
  }

  /** Pay ranges {@link PeriodRanges#withOverrides} reads. */
  static final class PayRanges implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value == null) {
        return;
      }
      try {
        PeriodRanges.withOverrides((String) value);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name + ": " + e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "`PERIOD=MIN..MAX`, comma-separated";
    }
  }

  /**
   * Pairs {@code A:B} of two different families; whether the taxonomy has them is checked where
   * the taxonomy is loaded (the topology).
   */
  static final class FamilyPairs implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      for (String part : ((String) value).split(",")) {
        if (part.isBlank()) {
          continue;
        }
        String[] ab = part.trim().split(":");
        if (ab.length != 2 || ab[0].isBlank() || ab[1].isBlank() || ab[0].trim().equals(ab[1].trim())) {
          throw new ConfigException(name + ": '" + part + "' is not FAMILY_A:FAMILY_B");
        }
      }
    }

    @Override
    public String toString() {
      return "`A:B` of two families, comma-separated";
    }
  }
}
