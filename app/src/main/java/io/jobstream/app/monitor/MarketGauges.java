package io.jobstream.app.monitor;

import io.jobstream.model.DivergenceKey;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.StatsKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest statistics and divergences of the current window as Micrometer gauges, so Prometheus
 * and Grafana see the market without reading Kafka.
 *
 * <p>Only the current (latest-starting) window of each window spec is shown: Prometheus keeps the
 * history itself. Statistics are shown for the groups {@code family x seniority} with country and
 * remote {@code all}; divergences for the slices {@code pair x seniority} with country {@code all}.
 * Labels: {@code window} (spec), {@code family}, {@code seniority}, {@code currency}, and for
 * divergences {@code pair} ({@code a:b}), {@code a}, {@code b}. Label values come from the topics,
 * so at most {@value #MAX_SERIES} label sets are shown; records beyond that are counted as
 * {@code overflow} in {@code jobstream.monitor.records} and logged once.
 *
 * <p>Gauges (Prometheus names): {@code jobstream_market_pay{statistic=p10|p25|median|p75|p90|mean}},
 * {@code jobstream_market_postings}, {@code jobstream_market_postings_with_pay},
 * {@code jobstream_market_duplicates_dropped}, {@code jobstream_market_remote_share},
 * {@code jobstream_market_emphasis_share{emphasis=ml_heavy|software_heavy|balanced}},
 * {@code jobstream_market_gender_coding_mean}, {@code jobstream_market_window_start_seconds};
 * {@code jobstream_market_gap}, {@code jobstream_market_gap_ratio},
 * {@code jobstream_market_gap_ci_low}, {@code jobstream_market_gap_ci_high},
 * {@code jobstream_market_gap_p_value}, {@code jobstream_market_gap_significant} (1 or 0),
 * {@code jobstream_market_gap_n{side=a|b}}, {@code jobstream_market_gap_trend_change},
 * {@code jobstream_market_gap_trend} (1 widened, 0 no clear change, -1 narrowed; absent without a
 * trend), {@code jobstream_market_gap_window_start_seconds}; for seniority {@code all} only, the
 * gap adjusted for seniority and country: {@code jobstream_market_gap_adjusted},
 * {@code jobstream_market_gap_adjusted_ci_low}, {@code jobstream_market_gap_adjusted_ci_high},
 * {@code jobstream_market_gap_adjusted_coverage} (0..1). A value that is absent in the record
 * (no pay in the window, no trend, no usable cell) is NaN. Thread-safe.
 */
public final class MarketGauges {

  private static final Logger LOG = LoggerFactory.getLogger(MarketGauges.class);

  /** Most label sets (statistics groups plus divergence slices) shown at once. */
  public static final int MAX_SERIES = 5_000;

  private static final Set<String> STATISTICS = Set.of("p10", "p25", "median", "p75", "p90", "mean");

  private final MeterRegistry registry;
  private final Map<String, Current<SalaryStats>> stats = new HashMap<>();
  private final Map<String, Current<SalaryDivergence>> gaps = new HashMap<>();
  private boolean overflowLogged;

  public MarketGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Takes a record of {@code jobs.salary.stats}; a null value (tombstone) removes its window. */
  public synchronized void stats(String key, SalaryStats value) {
    if (value == null) {
      StatsKey k = readable(key, StatsKey::parse);
      if (k != null && "all".equals(k.country()) && "all".equals(k.remote())) {
        remove(stats, String.join("|", k.window(), k.family(), k.seniority()), k.windowStart().toString());
      }
      return;
    }
    if (value.window() == null || value.windowStart() == null || value.family() == null
        || value.seniority() == null || value.currency() == null) {
      count("stats", "unreadable");
      return;
    }
    if (!"all".equals(value.country()) || !"all".equals(value.remote())) {
      count("stats", "skipped");
      return;
    }
    String series = String.join("|", value.window(), value.family(), value.seniority());
    Current<SalaryStats> current = stats.get(series);
    if (current == null) {
      if (full()) {
        return;
      }
      current = new Current<>();
      stats.put(series, current);
      current.meters = registerStats(current, Tags.of("window", value.window(), "family", value.family(),
          "seniority", value.seniority(), "currency", value.currency()));
    }
    count("stats", current.offer(value.windowStart(), value) ? "shown" : "older_window");
  }

  /** Takes a record of {@code jobs.salary.divergence}; a null value (tombstone) removes its window. */
  public synchronized void divergence(String key, SalaryDivergence value) {
    if (value == null) {
      DivergenceKey k = readable(key, DivergenceKey::parse);
      if (k != null && "all".equals(k.country())) {
        remove(gaps, String.join("|", k.window(), k.a(), k.b(), k.seniority()), k.windowStart().toString());
      }
      return;
    }
    if (value.window() == null || value.windowStart() == null || value.a() == null || value.b() == null
        || value.seniority() == null || value.currency() == null) {
      count("divergence", "unreadable");
      return;
    }
    if (!"all".equals(value.country())) {
      count("divergence", "skipped");
      return;
    }
    String series = String.join("|", value.window(), value.a(), value.b(), value.seniority());
    Current<SalaryDivergence> current = gaps.get(series);
    if (current == null) {
      if (full()) {
        return;
      }
      current = new Current<>();
      gaps.put(series, current);
      current.meters = registerDivergence(current, Tags.of("window", value.window(),
          "pair", value.a() + ":" + value.b(), "a", value.a(), "b", value.b(),
          "seniority", value.seniority(), "currency", value.currency()), value.seniority());
    }
    count("divergence", current.offer(value.windowStart(), value) ? "shown" : "older_window");
  }

  /** Counts a record that could not be read. */
  public void unreadable(String topic) {
    count(topic, "unreadable");
  }

  /** Number of label sets shown now. */
  public synchronized int series() {
    return stats.size() + gaps.size();
  }

  private boolean full() {
    if (series() < MAX_SERIES) {
      return false;
    }
    if (!overflowLogged) {
      overflowLogged = true;
      LOG.warn("more than {} groups on the aggregate topics; further groups are not shown as gauges", MAX_SERIES);
    }
    count("any", "overflow");
    return true;
  }

  private void count(String topic, String outcome) {
    Counter.builder("jobstream.monitor.records").tag("topic", topic).tag("outcome", outcome)
        .description("aggregate records read by the monitor").register(registry).increment();
  }

  /** A tombstone names its window by key; when that window is the one shown, its series goes. */
  /** The key of a tombstone; null for one jobstream does not write (nothing to remove). */
  private static <K> K readable(String key, java.util.function.Function<String, K> parse) {
    try {
      return key == null ? null : parse.apply(key);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private <T> void remove(Map<String, Current<T>> map, String series, String windowStart) {
    Current<T> current = map.get(series);
    if (current != null && windowStart.equals(String.valueOf(current.start))) {
      current.meters.forEach(registry::remove);
      map.remove(series);
    }
  }

  private List<Meter> registerStats(Current<SalaryStats> c, Tags tags) {
    List<Meter> meters = new ArrayList<>();
    for (String statistic : STATISTICS) {
      meters.add(gauge("jobstream.market.pay", c, tags.and("statistic", statistic), s -> switch (statistic) {
        case "p10" -> nan(s.p10());
        case "p25" -> nan(s.p25());
        case "median" -> nan(s.median());
        case "p75" -> nan(s.p75());
        case "p90" -> nan(s.p90());
        default -> nan(s.mean());
      }, "annual pay midpoint in the reporting currency"));
    }
    meters.add(gauge("jobstream.market.postings", c, tags, s -> s.count(), "postings in the current window"));
    meters.add(gauge("jobstream.market.postings.with.pay", c, tags, s -> s.salaryCount(), "postings with pay"));
    meters.add(gauge("jobstream.market.duplicates.dropped", c, tags, s -> s.duplicatesDropped(),
        "cross-posted copies not counted"));
    meters.add(gauge("jobstream.market.remote.share", c, tags, s -> nan(s.shareRemote()), "share of remote postings"));
    for (String emphasis : List.of("ml_heavy", "software_heavy", "balanced")) {
      meters.add(gauge("jobstream.market.emphasis.share", c, tags.and("emphasis", emphasis), s -> s.emphasis() == null
          ? Double.NaN
          : switch (emphasis) {
            case "ml_heavy" -> s.emphasis().mlHeavy();
            case "software_heavy" -> s.emphasis().softwareHeavy();
            default -> s.emphasis().balanced();
          }, "share of postings by ML-vs-software emphasis"));
    }
    meters.add(gauge("jobstream.market.gender.coding.mean", c, tags, s -> nan(s.genderCodingMean()),
        "mean gender-coding score, -1 feminine .. +1 masculine"));
    meters.add(gauge("jobstream.market.window.start.seconds", c, tags,
        s -> s.windowStart().toEpochDay() * 86_400.0, "start of the current window, epoch seconds"));
    return meters;
  }

  private List<Meter> registerDivergence(Current<SalaryDivergence> c, Tags tags, String seniority) {
    List<Meter> meters = new ArrayList<>();
    meters.add(gauge("jobstream.market.gap", c, tags, SalaryDivergence::gap, "median A minus median B"));
    meters.add(gauge("jobstream.market.gap.ratio", c, tags, d -> nan(d.ratio()), "median A over median B"));
    meters.add(gauge("jobstream.market.gap.ci.low", c, tags, SalaryDivergence::ciLow, "95% interval of the gap, low end"));
    meters.add(gauge("jobstream.market.gap.ci.high", c, tags, SalaryDivergence::ciHigh, "95% interval of the gap, high end"));
    meters.add(gauge("jobstream.market.gap.p.value", c, tags, SalaryDivergence::pValue, "two-sided Mann-Whitney U p-value"));
    meters.add(gauge("jobstream.market.gap.significant", c, tags, d -> d.significant() ? 1 : 0,
        "1 when the p-value is below alpha"));
    meters.add(gauge("jobstream.market.gap.n", c, tags.and("side", "a"), SalaryDivergence::nA, "postings with pay"));
    meters.add(gauge("jobstream.market.gap.n", c, tags.and("side", "b"), SalaryDivergence::nB, "postings with pay"));
    meters.add(gauge("jobstream.market.gap.trend.change", c, tags,
        d -> d.trend() == null ? Double.NaN : d.trend().change(), "gap minus the previous window's gap"));
    meters.add(gauge("jobstream.market.gap.trend", c, tags, d -> d.trend() == null ? Double.NaN
        : switch (d.trend().verdict()) {
          case "widened" -> 1;
          case "narrowed" -> -1;
          default -> 0;
        }, "1 widened, 0 no clear change, -1 narrowed"));
    meters.add(gauge("jobstream.market.gap.window.start.seconds", c, tags,
        d -> d.windowStart().toEpochDay() * 86_400.0, "start of the current window, epoch seconds"));
    if ("all".equals(seniority)) {
      // the topic carries the adjusted gap on the slice all|all only: no NaN series per seniority
      meters.add(gauge("jobstream.market.gap.adjusted", c, tags, d -> nan(d.adjustedGap()),
          "gap adjusted for seniority and country (cell gaps of medians, pooled cell shares)"));
      meters.add(gauge("jobstream.market.gap.adjusted.ci.low", c, tags, d -> nan(d.adjustedCiLow()),
          "95% interval of the adjusted gap, low end"));
      meters.add(gauge("jobstream.market.gap.adjusted.ci.high", c, tags, d -> nan(d.adjustedCiHigh()),
          "95% interval of the adjusted gap, high end"));
      meters.add(gauge("jobstream.market.gap.adjusted.coverage", c, tags, d -> nan(d.adjustedCoverage()),
          "share of both families' postings with pay in the cells of the adjusted gap"));
    }
    return meters;
  }

  private <T> Gauge gauge(String name, Current<T> current, Tags tags, ToDoubleFunction<T> value, String help) {
    return Gauge.builder(name, current, c -> {
          T v = c.value;
          return v == null ? Double.NaN : value.applyAsDouble(v);
        })
        .tags(tags).description(help).strongReference(true).register(registry);
  }

  private static double nan(Double value) {
    return value == null ? Double.NaN : value;
  }

  /** The value of the latest window of one series. */
  private static final class Current<T> {
    volatile T value;
    LocalDate start;
    List<Meter> meters = List.of();

    /** Keeps {@code candidate} unless an older window; returns whether it is shown. */
    boolean offer(LocalDate windowStart, T candidate) {
      if (start != null && windowStart.isBefore(start)) {
        return false;
      }
      start = windowStart;
      value = candidate;
      return true;
    }
  }
}
