package io.jobstream.aggregate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of one streams app, registered once, when the topology is built, on the registry the
 * app is given, and handed to every processor supplier; tags take values from small fixed sets:
 *
 * <ul>
 *   <li>{@code jobstream.stream.records} (counter; tag {@code outcome}: classified, deleted, rejected)
 *   <li>{@code jobstream.stream.dead.letters} (counter; tag {@code reason}: the reasons the classify
 *       stage gives ({@link PostingClassifier#REASONS}, {@link ClassifyProcessor#REASONS}), else
 *       {@code other})
 *   <li>{@code jobstream.classify.postings} (counter; tags {@code family}: the families of the
 *       taxonomy and {@code other}, else {@code custom}; {@code pay}: true, false)
 *   <li>{@code jobstream.classify.pay.rejected} (counter: postings whose pay was read but rejected
 *       as implausible or not convertible; their reason is the posting's {@code payRejected})
 *   <li>{@code jobstream.stream.duplicates} (gauge: cross-posted copies currently not counted, in
 *       this app's clusters)
 *   <li>{@code jobstream.stream.last.processed.seconds} (gauge: epoch seconds of the last posting
 *       classified; data freshness is now minus this)
 *   <li>{@code jobstream.stream.last.emitted.seconds} (gauge: epoch seconds of the last emission of
 *       statistics that took in every changed day)
 *   <li>{@code jobstream.stream.windows.unemitted} (gauge: tuple-count changes the window stages
 *       have taken in that no emitted statistics include yet; 0 when the statistics are up to date)
 *   <li>{@code jobstream.stream.rerouted} (counter: raw records that arrived on another partition
 *       than the one owning their posting id, re-routed to it; 0 while every producer uses Kafka's
 *       Java partitioner)
 *   <li>{@code jobstream.stream.evicted} (counter: store entries dated before the horizon, removed)
 *   <li>{@code jobstream.stream.beyond.horizon} (counter: counted changes dated before the horizon
 *       of the window task they reached, not counted; a classify task far behind the others sends them)
 *   <li>{@code jobstream.stream.latency} (timer with a histogram: end-to-end latency from a
 *       posting's arrival on {@code jobs.postings.raw}, which is within the publish delay of its
 *       fetch, to the emission of the statistics that include it)
 * </ul>
 *
 * <p>The gauges are the sums of the app's tasks (each task adds and takes back its own share), so
 * they are right with any number of tasks per process. Two apps in one process keep apart when
 * each has a registry of its own; on one shared registry their counters add up and each gauge
 * reads the app built last: a gauge reads its app's state through a weak reference, so a gauge
 * left by an app that stopped would read nothing, and building an app replaces it.
 */
final class StreamMetrics {

  /** The {@code family} tag of a family the taxonomy given at start does not have. */
  static final String CUSTOM_FAMILY = "custom";

  /** The {@code reason} tag of a dead-letter reason not in the known lists. */
  static final String OTHER_REASON = "other";

  private final Counter classified;
  private final Counter deleted;
  private final Counter rejected;
  private final Map<String, Counter> deadLetters = new HashMap<>();
  private final Map<String, Counter> postingsWithPay = new HashMap<>();
  private final Map<String, Counter> postingsWithoutPay = new HashMap<>();
  private final Counter payRejected;
  private final Counter rerouted;
  private final Counter evicted;
  private final Counter beyondHorizon;
  private final DistributionSummary batchSizes;
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong lastProcessedSeconds = new AtomicLong();
  private final AtomicLong unemitted = new AtomicLong();
  private final AtomicLong lastEmittedMs = new AtomicLong();
  private final Timer latency;

  /**
   * Registers every meter on {@code registry}.
   *
   * @param families the family ids the classifier can give (the taxonomy's and {@code other})
   * @param reasons the dead-letter reasons the classify stage can give
   */
  StreamMetrics(MeterRegistry registry, Collection<String> families, Collection<String> reasons) {
    classified = records(registry, "classified");
    deleted = records(registry, "deleted");
    rejected = records(registry, "rejected");
    for (String reason : reasons) {
      deadLetters.put(reason, deadLetters(registry, reason));
    }
    deadLetters.put(OTHER_REASON, deadLetters(registry, OTHER_REASON));
    for (String family : families) {
      postingsWithPay.put(family, postings(registry, family, true));
      postingsWithoutPay.put(family, postings(registry, family, false));
    }
    postingsWithPay.put(CUSTOM_FAMILY, postings(registry, CUSTOM_FAMILY, true));
    postingsWithoutPay.put(CUSTOM_FAMILY, postings(registry, CUSTOM_FAMILY, false));
    payRejected = Counter.builder("jobstream.classify.pay.rejected")
        .description("postings whose pay was read but rejected (implausible, or no exchange rate)")
        .register(registry);
    rerouted = Counter.builder("jobstream.stream.rerouted")
        .description("raw records on another partition than their posting id's, re-routed to it")
        .register(registry);
    evicted = Counter.builder("jobstream.stream.evicted")
        .description("store entries dated before the horizon, removed").register(registry);
    beyondHorizon = Counter.builder("jobstream.stream.beyond.horizon")
        .description("counted changes dated before the window task's horizon, not counted")
        .register(registry);
    batchSizes = DistributionSummary.builder("jobstream.stream.change.batch.entries")
        .description("entries (tuples with a net count) in each combined batch of changes sent to a window stage")
        .baseUnit("entries").register(registry);
    replaceGauge(registry, "jobstream.stream.duplicates");
    Gauge.builder("jobstream.stream.duplicates", duplicates, AtomicLong::get)
        .description("cross-posted copies currently not counted").register(registry);
    replaceGauge(registry, "jobstream.stream.last.processed.seconds");
    Gauge.builder("jobstream.stream.last.processed.seconds", lastProcessedSeconds, AtomicLong::get)
        .description("when a posting was last classified, epoch seconds").register(registry);
    replaceGauge(registry, "jobstream.stream.windows.unemitted");
    Gauge.builder("jobstream.stream.windows.unemitted", unemitted, AtomicLong::get)
        .description("changes the window stages took in that no emitted statistics include yet").register(registry);
    replaceGauge(registry, "jobstream.stream.last.emitted.seconds");
    Gauge.builder("jobstream.stream.last.emitted.seconds", lastEmittedMs, ms -> ms.get() / 1000.0)
        .description("when statistics last took in every change, epoch seconds").register(registry);
    latency = Timer.builder("jobstream.stream.latency")
        .description("from a posting's arrival on the raw topic to the statistics that include it")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(10))
        .maximumExpectedValue(Duration.ofHours(1))
        .register(registry);
  }

  /** Removes the gauge {@code name} an earlier app left on {@code registry}, so that this app's registers. */
  private static void replaceGauge(MeterRegistry registry, String name) {
    Gauge earlier = registry.find(name).gauge();
    if (earlier != null) {
      registry.remove(earlier);
    }
  }

  private static Counter records(MeterRegistry registry, String outcome) {
    return Counter.builder("jobstream.stream.records").tag("outcome", outcome).register(registry);
  }

  private static Counter deadLetters(MeterRegistry registry, String reason) {
    return Counter.builder("jobstream.stream.dead.letters").tag("reason", reason).register(registry);
  }

  private static Counter postings(MeterRegistry registry, String family, boolean pay) {
    return Counter.builder("jobstream.classify.postings").tag("family", family).tag("pay", Boolean.toString(pay))
        .register(registry);
  }

  /** A posting classified into {@code family}, with pay or without. */
  void classified(String family, boolean pay, boolean payWasRejected) {
    if (payWasRejected) {
      payRejected.increment();
    }
    classified.increment();
    Map<String, Counter> byFamily = pay ? postingsWithPay : postingsWithoutPay;
    byFamily.getOrDefault(family, byFamily.get(CUSTOM_FAMILY)).increment();
    lastProcessedSeconds.set(System.currentTimeMillis() / 1000);
  }

  /** A posting deleted by a tombstone. */
  void deleted() {
    deleted.increment();
  }

  /** A raw record that became a dead letter with {@code reason}. */
  void rejected(String reason) {
    rejected.increment();
    deadLetters.getOrDefault(reason, deadLetters.get(OTHER_REASON)).increment();
  }

  /** A raw record re-routed to the partition that owns its posting id. */
  void rerouted() {
    rerouted.increment();
  }

  /** A store entry dated before the horizon, removed. */
  void evicted() {
    evicted.increment();
  }

  /** A counted change dated before the window task's horizon, not counted. */
  void beyondHorizon() {
    beyondHorizon.increment();
  }

  /** A batch of {@code entries} combined changes was sent to a window stage. */
  void changeBatch(int entries) {
    batchSizes.record(entries);
  }

  /** Adds {@code delta} (negative to take back) to the copies not counted. */
  void addDuplicates(long delta) {
    duplicates.addAndGet(delta);
  }

  /** The copies not counted now, over all of this app's tasks. */
  long duplicates() {
    return duplicates.get();
  }

  /** Adds {@code delta} (negative to take back) to the changes no emitted statistics include yet. */
  void addUnemitted(long delta) {
    unemitted.addAndGet(delta);
  }

  /** An emission that took in every changed day ended at {@code epochMs}. */
  void emittedAll(long epochMs) {
    lastEmittedMs.set(epochMs);
  }

  /** The time from a change's arrival to the emission that includes it. */
  void latency(Duration latency) {
    this.latency.record(latency);
  }
}
