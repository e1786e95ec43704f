package io.jobstream.aggregate;

import io.jobstream.aggregate.stats.MannWhitney;
import io.jobstream.aggregate.stats.MedianGap;
import io.jobstream.aggregate.stats.Normal;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the count of every {@link PostingTuple} (all counts come to this one task, so both sides
 * of a pair are here) and, every emit interval of wall-clock time, re-computes the statistics of
 * every window that contains a day that changed since, and the divergences of every configured
 * pair that involves a changed family. A window is read with one range scan per family (tuple keys
 * start with family and ISO date). The days that changed are kept in a store of their own, so a
 * crash between a change and its emission loses nothing.
 *
 * <p>Groups emitted per family and window (bounded): all; each seniority; each country (ISO code,
 * or {@code unknown}); remote {@code true}/{@code false}/{@code unknown}. Divergence slices: all;
 * each seniority; each country; where both sides have at least the minimum number of postings with
 * pay.
 */
final class WindowProcessor implements Processor<String, TupleCount, String, WindowOutput> {

  static final String METHOD = "median gap with Price-Bonett 95% interval; two-sided Mann-Whitney U,"
      + " tie-corrected, normal approximation with continuity correction";

  private static final int MAX_LATENCY_SAMPLES = 10_000;

  /**
   * After an emission that took T, the next one waits at least this many times T: under a
   * backlog, re-computing windows takes at most about a quarter of the task's time, and more
   * changed days are taken together per emission, instead of the emissions starving the counting.
   */
  static final int EMIT_PAUSE_FACTOR = 3;

  private final List<WindowSpec> specs;
  private final String tupleStoreName;
  private final String dirtyStoreName;
  private final String currency;
  private final DivergenceSettings divergence;
  private final Duration emitInterval;
  /**
   * Longest an emission runs before it leaves the remaining changed days to the next one. The
   * emission runs inside the task's transaction, which the broker aborts after
   * {@code transaction.timeout.ms} (10 s by default under exactly-once): an emission longer than
   * that would fence the task, which would then restore and start the same emission again.
   */
  private final Duration emitBudget;
  private ProcessorContext<String, WindowOutput> context;
  private KeyValueStore<String, Long> tuples;
  private KeyValueStore<String, String> dirty;
  /** Timestamps of the records since the last emission, for the latency meter (a sample when many). */
  private final long[] pendingTimestamps = new long[MAX_LATENCY_SAMPLES];
  private int pending;
  private long nextEmitAllowedMs;
  /** The changed day an emission that ran out of time stopped after; the next starts after it. */
  private String resumeAfter;
  /** The family windows merged during one emission, by family, start and end. */
  private final Map<String, Map<String, Cell>> mergedThisEmission = new HashMap<>();

  WindowProcessor(List<WindowSpec> specs, String tupleStoreName, String dirtyStoreName,
      String currency, DivergenceSettings divergence, Duration emitInterval, Duration emitBudget) {
    this.specs = specs;
    this.tupleStoreName = tupleStoreName;
    this.dirtyStoreName = dirtyStoreName;
    this.currency = currency;
    this.divergence = divergence;
    this.emitInterval = emitInterval;
    this.emitBudget = emitBudget;
  }

  @Override
  public void init(ProcessorContext<String, WindowOutput> context) {
    this.context = context;
    this.tuples = context.getStateStore(tupleStoreName);
    this.dirty = context.getStateStore(dirtyStoreName);
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> {
      if (now < nextEmitAllowedMs) {
        return;
      }
      long started = System.nanoTime();
      emitChanged();
      nextEmitAllowedMs = now + EMIT_PAUSE_FACTOR * (System.nanoTime() - started) / 1_000_000;
    });
  }

  @Override
  public void process(Record<String, TupleCount> record) {
    TupleCount update = record.value();
    if (update.count() > 0) {
      tuples.put(update.tuple(), update.count());
    } else {
      tuples.delete(update.tuple());
    }
    PostingTuple t = PostingTuple.parse(update.tuple());
    dirty.put(t.family() + "|" + t.day(), "");
    if (pending < MAX_LATENCY_SAMPLES) {
      pendingTimestamps[pending++] = record.timestamp();
    }
    StreamMetrics.UNEMITTED.incrementAndGet();
  }

  /**
   * Emits every window touched by a changed day, each once, for as many changed days as fit in
   * {@link #emitBudget}; the next emission goes on where this one stopped (round robin).
   */
  void emitChanged() {
    Set<String> statsDone = new HashSet<>();
    Set<String> divergenceDone = new HashSet<>();
    List<String> changed = new ArrayList<>();
    try (KeyValueIterator<String, String> it = dirty.all()) {
      it.forEachRemaining(kv -> changed.add(kv.key));
    }
    if (changed.isEmpty()) {
      return;
    }
    mergedThisEmission.clear();
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    long timestamp = now.toEpochMilli();
    long deadline = System.nanoTime() + emitBudget.toNanos();
    int first = 0;
    if (resumeAfter != null) {
      int at = java.util.Collections.binarySearch(changed, resumeAfter);
      first = (at >= 0 ? at + 1 : -at - 1) % changed.size();
    }
    resumeAfter = null;
    for (int n = 0; n < changed.size(); n++) {
      String familyDay = changed.get((first + n) % changed.size());
      int bar = familyDay.lastIndexOf('|');
      String family = familyDay.substring(0, bar);
      LocalDate day = LocalDate.parse(familyDay.substring(bar + 1));
      for (WindowSpec spec : specs) {
        for (WindowSpec.Window window : spec.windowsContaining(day)) {
          if (statsDone.add(family + "|" + spec.text() + "|" + window.start())) {
            emitStats(family, spec, window, merged(family, window), now, timestamp);
          }
          for (DivergenceSettings.Pair pair : divergence.pairs()) {
            if ((pair.a().equals(family) || pair.b().equals(family))
                && divergenceDone.add(pair + "|" + spec.text() + "|" + window.start())) {
              emitDivergence(pair, spec, window, now, timestamp);
            }
          }
        }
      }
      dirty.delete(familyDay);
      if (n + 1 < changed.size() && System.nanoTime() > deadline) {
        resumeAfter = familyDay;
        break;
      }
    }
    mergedThisEmission.clear();
    if (resumeAfter != null) {
      // the postings counted since the last full emission are not all in the statistics yet
      return;
    }
    long emitted = context.currentSystemTimeMs();
    for (int i = 0; i < pending; i++) {
      StreamMetrics.LATENCY.record(Duration.ofMillis(Math.max(0, emitted - pendingTimestamps[i])));
    }
    pending = 0;
    StreamMetrics.UNEMITTED.set(0);
    StreamMetrics.LAST_EMITTED_MS.set(emitted);
  }

  /** The family's postings over the window, by cell (read once per emission; not to be modified). */
  private Map<String, Cell> merged(String family, WindowSpec.Window window) {
    return mergedThisEmission.computeIfAbsent(family + "|" + window.start() + "|" + window.end(),
        k -> scan(family, window));
  }

  private Map<String, Cell> scan(String family, WindowSpec.Window window) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    try (KeyValueIterator<String, Long> it = tuples.range(
        PostingTuple.from(family, window.start()), PostingTuple.to(family, window.end().minusDays(1)))) {
      while (it.hasNext()) {
        var kv = it.next();
        PostingTuple t = PostingTuple.parse(kv.key);
        cells.computeIfAbsent(t.cellKey(), k -> new Cell()).add(t, kv.value);
      }
    }
    return cells;
  }

  /** Cells merged by one dimension of the cell key (0 seniority, 1 country, 2 remote); -1: all. */
  private static Map<String, Cell> by(Map<String, Cell> cells, int dimension) {
    Map<String, Cell> out = new LinkedHashMap<>();
    cells.forEach((key, cell) -> {
      String slice = dimension < 0 ? "all" : key.split("\\|")[dimension];
      out.computeIfAbsent(slice, k -> new Cell()).merge(cell);
    });
    return out;
  }

  private void emitStats(String family, WindowSpec spec, WindowSpec.Window window,
      Map<String, Cell> cells, Instant now, long timestamp) {
    forward(stats(family, "all", "all", "all", spec, window, by(cells, -1).getOrDefault("all", new Cell()), now), timestamp);
    by(cells, 0).forEach((s, c) -> forward(stats(family, s, "all", "all", spec, window, c, now), timestamp));
    by(cells, 1).forEach((s, c) -> forward(stats(family, "all", s, "all", spec, window, c, now), timestamp));
    by(cells, 2).forEach((s, c) -> forward(stats(family, "all", "all", s, spec, window, c, now), timestamp));
  }

  private void forward(SalaryStats stats, long timestamp) {
    context.forward(new Record<>(stats.key(), new WindowOutput(stats, null), timestamp));
  }

  private SalaryStats stats(String family, String seniority, String country, String remote,
      WindowSpec spec, WindowSpec.Window window, Cell c, Instant now) {
    PayDistribution pay = new PayDistribution();
    pay.addAll(c.mid);
    boolean hasPay = pay.size() > 0;
    long withEmphasis = c.mlHeavy + c.softwareHeavy + c.balanced;
    return new SalaryStats(SalaryStats.SCHEMA_VERSION, family, seniority, country, remote,
        spec.text(), window.start(), window.end(), c.count, pay.size(), c.duplicatesDropped, currency,
        hasPay ? pay.min() : null,
        hasPay ? pay.quantile(0.10) : null,
        hasPay ? pay.quantile(0.25) : null,
        hasPay ? pay.quantile(0.50) : null,
        hasPay ? pay.quantile(0.75) : null,
        hasPay ? pay.quantile(0.90) : null,
        hasPay ? pay.max() : null,
        hasPay ? pay.mean() : null,
        hasPay ? pay.stddev() : null,
        hasPay ? median(c.min) : null,
        hasPay ? median(c.max) : null,
        c.count > 0 ? (double) c.remote / c.count : null,
        withEmphasis > 0 ? new SalaryStats.EmphasisShares(withEmphasis,
            (double) c.mlHeavy / withEmphasis, (double) c.softwareHeavy / withEmphasis,
            (double) c.balanced / withEmphasis) : null,
        c.count > 0 ? c.genderMilli / 1000.0 / c.count : null,
        now);
  }

  private static double median(Map<Double, Long> values) {
    PayDistribution d = new PayDistribution();
    d.addAll(values);
    return d.quantile(0.5);
  }

  private void emitDivergence(DivergenceSettings.Pair pair, WindowSpec spec, WindowSpec.Window window,
      Instant now, long timestamp) {
    Map<String, Cell> a = merged(pair.a(), window);
    Map<String, Cell> b = merged(pair.b(), window);
    WindowSpec.Window previous = spec.previous(window);
    Map<String, Cell> prevA = null;
    Map<String, Cell> prevB = null;
    for (int dimension : new int[] {-1, 0, 1}) {
      Map<String, Cell> sliceA = by(a, dimension);
      Map<String, Cell> sliceB = by(b, dimension);
      TreeSet<String> slices = new TreeSet<>(sliceA.keySet());
      slices.addAll(sliceB.keySet());
      for (String slice : slices) {
        String seniority = dimension == 0 ? slice : "all";
        String country = dimension == 1 ? slice : "all";
        String key = SalaryDivergence.key(pair.a(), pair.b(), spec.text(), window.start(), seniority, country);
        Cell ca = sliceA.get(slice);
        Cell cb = sliceB.get(slice);
        if (ca == null || cb == null || ca.salaryCount < divergence.minN() || cb.salaryCount < divergence.minN()) {
          context.forward(new Record<>(key, new WindowOutput(null, null), timestamp));
          continue;
        }
        if (prevA == null) {
          prevA = merged(pair.a(), previous);
          prevB = merged(pair.b(), previous);
        }
        Cell pa = by(prevA, dimension).get(slice);
        Cell pb = by(prevB, dimension).get(slice);
        context.forward(new Record<>(key, new WindowOutput(null,
            divergence(pair, spec, window, seniority, country, ca, cb, previous, pa, pb, now)), timestamp));
      }
    }
  }

  private SalaryDivergence divergence(DivergenceSettings.Pair pair, WindowSpec spec,
      WindowSpec.Window window, String seniority, String country, Cell a, Cell b,
      WindowSpec.Window previous, Cell prevA, Cell prevB, Instant now) {
    MedianGap gap = MedianGap.of(a.mid, b.mid, 0.95);
    MannWhitney test = MannWhitney.test(a.mid, b.mid);
    SalaryDivergence.Trend trend = null;
    if (prevA != null && prevB != null && prevA.salaryCount >= divergence.minN()
        && prevB.salaryCount >= divergence.minN()) {
      MedianGap before = MedianGap.of(prevA.mid, prevB.mid, 0.95);
      double change = gap.gap() - before.gap();
      double half = Normal.ppf(0.975) * Math.sqrt(gap.variance() + before.variance());
      String verdict = change - half > 0 ? "widened" : change + half < 0 ? "narrowed" : "no_clear_change";
      trend = new SalaryDivergence.Trend(previous.start(), before.gap(), change, change - half,
          change + half, verdict);
    }
    return new SalaryDivergence(SalaryDivergence.SCHEMA_VERSION, pair.a(), pair.b(), spec.text(),
        window.start(), window.end(), seniority, country, a.salaryCount, b.salaryCount,
        gap.medianA(), gap.medianB(), gap.gap(), gap.medianB() != 0 ? gap.medianA() / gap.medianB() : null,
        gap.ciLow(), gap.ciHigh(), test.pValue(), test.pValue() < divergence.alpha(),
        divergence.alpha(), currency, METHOD, trend, now);
  }
}
