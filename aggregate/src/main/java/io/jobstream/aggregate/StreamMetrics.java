package io.jobstream.aggregate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of the streams app, on Micrometer's global registry (the command line adds its
 * Prometheus registry there), with bounded tags:
 *
 * <ul>
 *   <li>{@code jobstream.stream.records} (counter; tag {@code outcome}: classified, deleted, rejected)
 *   <li>{@code jobstream.stream.dead.letters} (counter; tag {@code reason}: the fixed reason codes)
 *   <li>{@code jobstream.classify.postings} (counter; tags {@code family}: the families of the
 *       taxonomy or {@code custom}; {@code pay}: true, false)
 *   <li>{@code jobstream.classify.pay.rejected} (counter: postings whose pay was read but rejected
 *       as implausible or not convertible; their reason is the posting's {@code payRejected})
 *   <li>{@code jobstream.stream.duplicates} (gauge: cross-posted copies currently not counted, in
 *       this instance's clusters)
 *   <li>{@code jobstream.stream.last.processed.seconds} (gauge: epoch seconds of the last posting
 *       classified; data freshness is now minus this)
 *   <li>{@code jobstream.stream.last.emitted.seconds} (gauge: epoch seconds of the last emission of
 *       statistics)
 *   <li>{@code jobstream.stream.windows.unemitted} (gauge: tuple-count changes the window stage has
 *       taken in that no emitted statistics include yet; 0 when the statistics are up to date)
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
 */
final class StreamMetrics {

  private static final Set<String> FAMILIES = Set.of("data_scientist", "ml_engineer", "ai_engineer",
      "research_scientist", "data_analyst", "data_engineer", "statistician", "quant",
      "software_engineer", "other");
  private static final Set<String> REASONS = Set.of("no_key", "no_value", "not_json",
      "unsupported_schema", "no_title", "no_date", "future_date", "late", "too_large", "superseded");

  static final AtomicLong DUPLICATES = Metrics.gauge("jobstream.stream.duplicates", new AtomicLong());
  static final AtomicLong LAST_PROCESSED = Metrics.gauge("jobstream.stream.last.processed.seconds", new AtomicLong());
  static final Counter PAY_REJECTED = Counter.builder("jobstream.classify.pay.rejected")
      .description("postings whose pay was read but rejected (implausible, or no exchange rate)")
      .register(Metrics.globalRegistry);
  static final Counter REROUTED = Counter.builder("jobstream.stream.rerouted")
      .description("raw records on another partition than their posting id's, re-routed to it")
      .register(Metrics.globalRegistry);
  static final Counter EVICTED = Counter.builder("jobstream.stream.evicted")
      .description("store entries dated before the horizon, removed").register(Metrics.globalRegistry);
  static final Counter BEYOND_HORIZON = Counter.builder("jobstream.stream.beyond.horizon")
      .description("counted changes dated before the window task's horizon, not counted")
      .register(Metrics.globalRegistry);
  /** Changes the window stage has taken in that no emitted statistics include yet (this instance). */
  static final AtomicLong UNEMITTED = Metrics.gauge("jobstream.stream.windows.unemitted", new AtomicLong());

  /** Epoch milliseconds of the last emission that took in every changed day. */
  static final AtomicLong LAST_EMITTED_MS = new AtomicLong();

  static {
    io.micrometer.core.instrument.Gauge.builder("jobstream.stream.last.emitted.seconds", LAST_EMITTED_MS,
            ms -> ms.get() / 1000.0)
        .description("when statistics last took in every change, epoch seconds").register(Metrics.globalRegistry);
  }
  static final Timer LATENCY = Timer.builder("jobstream.stream.latency")
      .description("from a posting's arrival on the raw topic to the statistics that include it")
      .publishPercentileHistogram()
      .minimumExpectedValue(Duration.ofMillis(10))
      .maximumExpectedValue(Duration.ofHours(1))
      .register(Metrics.globalRegistry);

  private StreamMetrics() {}

  static void classified(String family, boolean pay, boolean payRejected) {
    if (payRejected) {
      PAY_REJECTED.increment();
    }
    Counter.builder("jobstream.stream.records").tag("outcome", "classified").register(Metrics.globalRegistry).increment();
    Counter.builder("jobstream.classify.postings").tag("family", FAMILIES.contains(family) ? family : "custom")
        .tag("pay", Boolean.toString(pay)).register(Metrics.globalRegistry).increment();
    LAST_PROCESSED.set(System.currentTimeMillis() / 1000);
  }

  static void deleted() {
    Counter.builder("jobstream.stream.records").tag("outcome", "deleted").register(Metrics.globalRegistry).increment();
  }

  static void rejected(String reason) {
    Counter.builder("jobstream.stream.records").tag("outcome", "rejected").register(Metrics.globalRegistry).increment();
    Counter.builder("jobstream.stream.dead.letters").tag("reason", REASONS.contains(reason) ? reason : "other")
        .register(Metrics.globalRegistry).increment();
  }
}
