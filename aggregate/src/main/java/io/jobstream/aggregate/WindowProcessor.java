package io.jobstream.aggregate;

import io.jobstream.aggregate.stats.MannWhitney;
import io.jobstream.aggregate.stats.MedianGap;
import io.jobstream.aggregate.stats.Normal;
import io.jobstream.aggregate.stats.PayCounts;
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
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the count of every {@link PostingTuple} of its group of families (the families of a pair
 * come to one task, so both sides of a pair are here) and, every emit interval of wall-clock time, re-computes the statistics of
 * every window that contains a day that changed since, and the divergences of every configured
 * pair that involves a changed family. A day of a family is read with one range scan (tuple keys
 * start with family and ISO date), once per emission, and windows slide from one to the next. The
 * days that changed are kept in a store of their own, so a crash between a change and its
 * emission loses nothing.
 *
 * <p>Groups emitted per family and window (bounded): all; each seniority; each country (ISO code,
 * or {@code unknown}); remote {@code true}/{@code false}/{@code unknown}. Divergence slices: all;
 * each seniority; each country; where both sides have at least the minimum number of postings with
 * pay.
 */
final class WindowProcessor implements Processor<String, TupleDelta, String, WindowOutput> {

  static final String METHOD = "median gap with Price-Bonett 95% interval; two-sided Mann-Whitney U,"
      + " tie-corrected, normal approximation with continuity correction";

  private static final int MAX_LATENCY_SAMPLES = 10_000;

  /** Between the changed slices of a day in the store of changed days. */
  private static final String SLICE_SEPARATOR = "\n";

  /** The slice of all of a family's postings. */
  private static final String ALL_SLICE = "all|all|all";

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
  /**
   * After an emission that took T, the next one waits at least this many times T while input keeps
   * coming: under a backlog every window is dirty again soon, and re-computing all of them often
   * would starve the counting (and flood the output topics with values about to change again).
   */
  private final int pauseFactor;
  /** No input for this long means the input has stopped: the pause no longer applies. */
  private long quietMs;
  private long lastInputMs;
  private long lastEmissionEndMs;
  private ProcessorContext<String, WindowOutput> context;
  private KeyValueStore<String, Long> tuples;
  private KeyValueStore<String, String> dirty;
  /** Timestamps of the records since the last emission, for the latency meter (a sample when many). */
  private final long[] pendingTimestamps = new long[MAX_LATENCY_SAMPLES];
  private int pending;
  /**
   * This task's share of the unemitted-changes gauge: other window tasks of the process keep
   * theirs, so an emission here takes back only its own.
   */
  private long unemitted;
  private long nextEmitAllowedMs;
  /** The changed day an emission that ran out of time stopped after; the next starts after it. */
  private WindowJob resumeAfter;
  /** During an emission: each family's current window, and the window before it (for trends). */
  private final Map<String, RunningWindow> current = new HashMap<>();
  private final Map<String, RunningWindow> previous = new HashMap<>();
  /** During an emission: the pay gaps computed, by pair, spec, window start and slice. */
  private final Map<String, MedianGap> gapsThisEmission = new HashMap<>();
  private final Set<String> gapSlicesDone = new HashSet<>();
  /** During an emission: the days read, by day and family. */
  private final TreeMap<LocalDate, Map<String, Map<String, Cell>>> days = new TreeMap<>();

  WindowProcessor(List<WindowSpec> specs, String tupleStoreName, String dirtyStoreName,
      String currency, DivergenceSettings divergence, Duration emitInterval, Duration emitBudget,
      int pauseFactor) {
    this.specs = specs;
    this.tupleStoreName = tupleStoreName;
    this.dirtyStoreName = dirtyStoreName;
    this.currency = currency;
    this.divergence = divergence;
    this.emitInterval = emitInterval;
    this.emitBudget = emitBudget;
    this.pauseFactor = pauseFactor;
  }

  @Override
  public void init(ProcessorContext<String, WindowOutput> context) {
    this.context = context;
    this.tuples = context.getStateStore(tupleStoreName);
    this.dirty = context.getStateStore(dirtyStoreName);
    // after a restart the changed days left from before are changes not emitted yet (at least one
    // each); the store's estimate, so that a task does not read a store at start
    unemitted = Math.max(0, dirty.approximateNumEntries());
    StreamMetrics.UNEMITTED.addAndGet(unemitted);
    // upstream tasks hand records on at each commit, so input arrives in bursts that far apart
    Object commitInterval = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    this.quietMs = 2 * Math.max(emitInterval.toMillis(),
        commitInterval == null ? 0 : Long.parseLong(commitInterval.toString()));
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> {
      // quiet: no input since well after the last emission ended (input waits while one runs)
      if (now < nextEmitAllowedMs && now - Math.max(lastInputMs, lastEmissionEndMs) < quietMs) {
        return;
      }
      long started = System.nanoTime();
      emitChanged();
      nextEmitAllowedMs = now + pauseFactor * (System.nanoTime() - started) / 1_000_000;
      lastEmissionEndMs = context.currentSystemTimeMs();
    });
  }

  @Override
  public void process(Record<String, TupleDelta> record) {
    TupleDelta update = record.value();
    Long count = tuples.get(update.tuple());
    long now = (count == null ? 0 : count) + update.delta();
    if (now > 0) {
      tuples.put(update.tuple(), now);
    } else {
      tuples.delete(update.tuple());
    }
    PostingTuple t = PostingTuple.parse(update.tuple());
    // the day changed, and so did the slices this posting counts in
    String familyDay = t.family() + "|" + t.day();
    String known = dirty.get(familyDay);
    Set<String> slices = slicesFrom(known);
    if (slices.addAll(List.of(slicesOf(t))) || known == null) {
      dirty.put(familyDay, String.join(SLICE_SEPARATOR, slices));
    }
    if (pending < MAX_LATENCY_SAMPLES) {
      pendingTimestamps[pending++] = record.timestamp();
    }
    unemitted++;
    StreamMetrics.UNEMITTED.incrementAndGet();
    lastInputMs = context.currentSystemTimeMs();
  }

  @Override
  public void close() {
    // the task moves or stops: its pending changes are counted wherever it runs next
    StreamMetrics.UNEMITTED.addAndGet(-unemitted);
    unemitted = 0;
  }

  /**
   * Emits every window that contains a changed day, each once, in order of spec and start, for as
   * long as {@link #emitBudget} allows; the next emission goes on after the last window this one
   * emitted (round robin). Consecutive windows of a family are computed by sliding: the days that
   * leave are taken out and the days that enter are added, so a {@code 30d/1d} window costs two
   * days, not thirty.
   */
  void emitChanged() {
    Map<String, Set<String>> changed = new TreeMap<>();
    try (KeyValueIterator<String, String> it = dirty.all()) {
      it.forEachRemaining(kv -> changed.put(kv.key, slicesFrom(kv.value)));
    }
    if (changed.isEmpty()) {
      // nothing changed is waiting: an estimate taken at start is settled
      StreamMetrics.UNEMITTED.addAndGet(-unemitted);
      unemitted = 0;
      return;
    }
    List<TreeMap<LocalDate, WindowJob>> jobsBySpec = new ArrayList<>();
    List<WindowJob> jobs = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      TreeMap<LocalDate, WindowJob> byStart = new TreeMap<>();
      WindowSpec spec = specs.get(i);
      for (Map.Entry<String, Set<String>> day : changed.entrySet()) {
        String family = familyOf(day.getKey());
        for (WindowSpec.Window window : spec.windowsContaining(dayOf(day.getKey()))) {
          WindowJob job = byStart.computeIfAbsent(window.start(), k -> new WindowJob(window));
          job.families.computeIfAbsent(family, f -> new TreeSet<>()).addAll(day.getValue());
          // a divergence's trend compares it with the window before it, so the next one changes too
          WindowSpec.Window next = spec.next(window);
          for (DivergenceSettings.Pair pair : divergence.pairs()) {
            if (pair.a().equals(family) || pair.b().equals(family)) {
              job.pairs.computeIfAbsent(pair, p -> new TreeSet<>()).addAll(day.getValue());
              if (next != null) {
                byStart.computeIfAbsent(next.start(), k -> new WindowJob(next))
                    .pairs.computeIfAbsent(pair, p -> new TreeSet<>()).addAll(day.getValue());
              }
            }
          }
        }
      }
      for (WindowJob job : byStart.values()) {
        job.spec = i;
        jobs.add(job);
      }
      jobsBySpec.add(byStart);
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    long timestamp = now.toEpochMilli();
    long deadline = System.nanoTime() + emitBudget.toNanos();
    int first = 0;
    if (resumeAfter != null) {
      while (first < jobs.size() && !jobs.get(first).isAfter(resumeAfter)) {
        first++;
      }
      first %= jobs.size();
    }
    resumeAfter = null;
    int spec = -1;
    for (int n = 0; n < jobs.size(); n++) {
      WindowJob job = jobs.get((first + n) % jobs.size());
      if (job.spec != spec) {
        spec = job.spec;
        current.clear();
        previous.clear();
        days.clear();
      }
      emit(specs.get(spec), job, now, timestamp);
      job.done = true;
      if (n + 1 < jobs.size() && System.nanoTime() > deadline) {
        resumeAfter = job;
        break;
      }
    }
    current.clear();
    previous.clear();
    days.clear();
    gapsThisEmission.clear();
    gapSlicesDone.clear();
    // a changed day is done once every window that contains it, and every next one, went out
    for (String familyDay : changed.keySet()) {
      boolean done = true;
      for (int i = 0; i < specs.size() && done; i++) {
        for (WindowSpec.Window window : specs.get(i).windowsContaining(dayOf(familyDay))) {
          done &= jobsBySpec.get(i).get(window.start()).done;
          WindowSpec.Window next = specs.get(i).next(window);
          WindowJob nextJob = next == null ? null : jobsBySpec.get(i).get(next.start());
          done &= nextJob == null || nextJob.done;
        }
      }
      if (done) {
        dirty.delete(familyDay);
      }
    }
    if (resumeAfter != null) {
      // the postings counted since the last full emission are not all in the statistics yet
      return;
    }
    long emitted = context.currentSystemTimeMs();
    for (int i = 0; i < pending; i++) {
      StreamMetrics.LATENCY.record(Duration.ofMillis(Math.max(0, emitted - pendingTimestamps[i])));
    }
    pending = 0;
    StreamMetrics.UNEMITTED.addAndGet(-unemitted);
    unemitted = 0;
    StreamMetrics.LAST_EMITTED_MS.set(emitted);
  }

  /** The stats and divergences of one window. */
  private void emit(WindowSpec spec, WindowJob job, Instant now, long timestamp) {
    job.families.forEach((family, slices) ->
        emitStats(family, spec, job.window, window(current, family, job.window), slices, now, timestamp));
    job.pairs.forEach((pair, slices) -> emitDivergence(pair, spec, job.window, slices, now, timestamp));
    // days before the previous window are not needed again while the windows go forward
    days.headMap(spec.previous(job.window).start()).clear();
  }

  /**
   * The family's postings over {@code window} by emitted slice (see {@link #slicesOf}), from the
   * family's running window in {@code running}, moved there by sliding where it overlaps; not to
   * be modified by the caller.
   */
  private Map<String, Cell> window(Map<String, RunningWindow> running, String family, WindowSpec.Window window) {
    RunningWindow run = running.computeIfAbsent(family, f -> new RunningWindow());
    if (window.equals(run.window)) {
      return run.slices;
    }
    boolean slides = run.window != null && !window.start().isBefore(run.window.start())
        && window.start().isBefore(run.window.end()) && !window.end().isBefore(run.window.end());
    if (slides) {
      for (LocalDate day = run.window.start(); day.isBefore(window.start()); day = day.plusDays(1)) {
        day(family, day).forEach((slice, cell) -> {
          Cell left = run.slices.get(slice);
          left.subtract(cell);
          if (left.count == 0) {
            run.slices.remove(slice);
          }
        });
      }
      for (LocalDate day = run.window.end(); day.isBefore(window.end()); day = day.plusDays(1)) {
        add(run.slices, day(family, day));
      }
    } else {
      run.slices.clear();
      for (LocalDate day = window.start(); day.isBefore(window.end()); day = day.plusDays(1)) {
        add(run.slices, day(family, day));
      }
    }
    run.window = window;
    return run.slices;
  }

  private static void add(Map<String, Cell> into, Map<String, Cell> day) {
    day.forEach((slice, cell) -> into.computeIfAbsent(slice, s -> new Cell()).merge(cell));
  }

  /**
   * The family's postings of one day by emitted slice, from one range scan of the tuple store;
   * kept while the emission may need the day again (a window takes it in and later gives it back).
   */
  private Map<String, Cell> day(String family, LocalDate day) {
    return days.computeIfAbsent(day, d -> new HashMap<>()).computeIfAbsent(family, f -> {
      Map<String, Cell> slices = new HashMap<>();
      try (KeyValueIterator<String, Long> it = tuples.range(PostingTuple.from(family, day), PostingTuple.to(family, day))) {
        while (it.hasNext()) {
          var kv = it.next();
          PostingTuple t = PostingTuple.parse(kv.key);
          for (String slice : slicesOf(t)) {
            slices.computeIfAbsent(slice, s -> new Cell()).add(t, kv.value);
          }
        }
      }
      return slices;
    });
  }

  /** The changed slices kept for a day (none when {@code stored} is null). */
  private static Set<String> slicesFrom(String stored) {
    Set<String> slices = new TreeSet<>();
    if (stored != null && !stored.isEmpty()) {
      slices.addAll(List.of(stored.split(SLICE_SEPARATOR)));
    }
    return slices;
  }

  private static String familyOf(String familyDay) {
    return familyDay.substring(0, familyDay.lastIndexOf('|'));
  }

  private static LocalDate dayOf(String familyDay) {
    return LocalDate.parse(familyDay.substring(familyDay.lastIndexOf('|') + 1));
  }

  /**
   * A window to emit: the families whose statistics and the pairs whose divergence changed, each
   * with the slices that changed.
   */
  private static final class WindowJob {
    final WindowSpec.Window window;
    final Map<String, Set<String>> families = new TreeMap<>();
    final Map<DivergenceSettings.Pair, Set<String>> pairs = new LinkedHashMap<>();
    int spec;
    boolean done;

    WindowJob(WindowSpec.Window window) {
      this.window = window;
    }

    boolean isAfter(WindowJob other) {
      return spec > other.spec || (spec == other.spec && window.start().isAfter(other.window.start()));
    }
  }

  /** A family's postings over one window, by slice, kept while an emission slides it forward. */
  private static final class RunningWindow {
    WindowSpec.Window window;
    final Map<String, Cell> slices = new TreeMap<>();
  }

  /**
   * The slices a posting counts in, as {@code seniority|country|remote} with {@code all} where not
   * sliced: all, its seniority, its country, its remote flag.
   */
  private static String[] slicesOf(PostingTuple t) {
    return new String[] {ALL_SLICE, t.seniority() + "|all|all", "all|" + t.country() + "|all",
        "all|all|" + t.remote()};
  }

  /** The statistics of the slices that changed; a slice with no postings left is a tombstone. */
  private void emitStats(String family, WindowSpec spec, WindowSpec.Window window,
      Map<String, Cell> cells, Set<String> changed, Instant now, long timestamp) {
    for (String slice : changed) {
      String[] parts = slice.split("\\|");
      Cell cell = cells.get(slice);
      if (cell != null || slice.equals(ALL_SLICE)) {
        // an emptied family window still says so
        forward(stats(family, parts[0], parts[1], parts[2], spec, window, cell == null ? new Cell() : cell, now),
            timestamp);
      } else {
        String key = String.join("|", spec.text(), window.start().toString(), family, parts[0], parts[1], parts[2]);
        context.forward(new Record<>(key, WindowOutput.statsRemoved(), timestamp));
      }
    }
  }

  private void forward(SalaryStats stats, long timestamp) {
    context.forward(new Record<>(stats.key(), WindowOutput.of(stats), timestamp));
  }

  private SalaryStats stats(String family, String seniority, String country, String remote,
      WindowSpec spec, WindowSpec.Window window, Cell c, Instant now) {
    PayDistribution pay = PayDistribution.of(c.mid);
    boolean hasPay = pay.size() > 0;
    long withEmphasis = c.mlHeavy + c.softwareHeavy + c.balanced;
    double[] q = hasPay ? pay.quantiles(0.10, 0.25, 0.50, 0.75, 0.90) : null;
    Double mean = hasPay ? pay.mean() : null;
    return new SalaryStats(SalaryStats.SCHEMA_VERSION, family, seniority, country, remote,
        spec.text(), window.start(), window.end(), c.count, pay.size(), c.duplicatesDropped, currency,
        hasPay ? pay.min() : null,
        hasPay ? q[0] : null,
        hasPay ? q[1] : null,
        hasPay ? q[2] : null,
        hasPay ? q[3] : null,
        hasPay ? q[4] : null,
        hasPay ? pay.max() : null,
        mean,
        hasPay ? pay.stddev(mean) : null,
        hasPay ? median(c.min) : null,
        hasPay ? median(c.max) : null,
        c.count > 0 ? (double) c.remote / c.count : null,
        withEmphasis > 0 ? new SalaryStats.EmphasisShares(withEmphasis,
            (double) c.mlHeavy / withEmphasis, (double) c.softwareHeavy / withEmphasis,
            (double) c.balanced / withEmphasis) : null,
        c.genderScored > 0 ? (double) c.genderMilli / 1000.0 / c.genderScored : null,
        now);
  }

  private static double median(PayCounts values) {
    return PayDistribution.of(values).quantiles(0.5)[0];
  }

  /**
   * The divergences of the slices (all, a seniority, a country) that changed in either family; a
   * slice below the minimum n on either side is a tombstone.
   */
  private void emitDivergence(DivergenceSettings.Pair pair, WindowSpec spec, WindowSpec.Window window,
      Set<String> changed, Instant now, long timestamp) {
    Map<String, Cell> a = window(current, pair.a(), window);
    Map<String, Cell> b = window(current, pair.b(), window);
    WindowSpec.Window previous = spec.previous(window);
    Map<String, Cell> prevA = null;
    Map<String, Cell> prevB = null;
    // all first, then seniorities, then countries; remote slices are not compared
    List<String> ordered = new ArrayList<>();
    if (changed.contains(ALL_SLICE)) {
      ordered.add(ALL_SLICE);
    }
    changed.stream().filter(s -> !s.startsWith("all|") && s.endsWith("|all|all")).forEach(ordered::add);
    changed.stream().filter(s -> s.startsWith("all|") && s.endsWith("|all") && !s.startsWith("all|all|"))
        .forEach(ordered::add);
    String windowKey = pair + "|" + spec.text() + "|" + window.start();
    String previousKey = pair + "|" + spec.text() + "|" + previous.start();
    for (String slice : ordered) {
      String[] parts = slice.split("\\|");
      String seniority = parts[0];
      String country = parts[1];
      String key = SalaryDivergence.key(pair.a(), pair.b(), spec.text(), window.start(), seniority, country);
      Cell ca = a.get(slice);
      Cell cb = b.get(slice);
      MedianGap gap = qualifies(ca, cb) ? MedianGap.of(ca.mid, cb.mid, 0.95) : null;
      // this emission's gaps, for the trend of the window after this one
      gapSlicesDone.add(windowKey + "|" + slice);
      if (gap == null) {
        context.forward(new Record<>(key, WindowOutput.divergenceRemoved(), timestamp));
        continue;
      }
      gapsThisEmission.put(windowKey + "|" + slice, gap);
      MedianGap before;
      if (gapSlicesDone.contains(previousKey + "|" + slice)) {
        before = gapsThisEmission.get(previousKey + "|" + slice); // null: too few postings then
      } else {
        if (prevA == null) {
          prevA = window(this.previous, pair.a(), previous);
          prevB = window(this.previous, pair.b(), previous);
        }
        Cell pa = prevA.get(slice);
        Cell pb = prevB.get(slice);
        before = qualifies(pa, pb) ? MedianGap.of(pa.mid, pb.mid, 0.95) : null;
      }
      context.forward(new Record<>(key, WindowOutput.of(divergence(pair, spec, window, seniority, country,
          ca, cb, gap, previous, before, now)), timestamp));
    }
  }

  /** Both sides have the minimum number of postings with pay. */
  private boolean qualifies(Cell a, Cell b) {
    return a != null && b != null && a.salaryCount >= divergence.minN() && b.salaryCount >= divergence.minN();
  }

  private SalaryDivergence divergence(DivergenceSettings.Pair pair, WindowSpec spec,
      WindowSpec.Window window, String seniority, String country, Cell a, Cell b, MedianGap gap,
      WindowSpec.Window previous, MedianGap before, Instant now) {
    MannWhitney test = MannWhitney.test(a.mid, b.mid);
    SalaryDivergence.Trend trend = null;
    if (before != null) {
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
