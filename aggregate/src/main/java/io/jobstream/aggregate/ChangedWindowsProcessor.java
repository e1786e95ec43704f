package io.jobstream.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import io.jobstream.aggregate.window.SlidingWindows;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What the statistics stage and the divergence stage share: each keeps the count of every
 * {@link PostingTuple} it is sent, under the record's key (a family or a pair, and a block of
 * windows), and, every emit interval of wall-clock time, re-computes every window of the block
 * that contains a day that changed since.
 * A day of a family is read with one range scan of the counts (tuple keys start with family and
 * ISO date), once per emission, and windows slide from one to the next. The days that changed
 * are kept in a store of their own, so a crash between a change and its emission loses nothing.
 *
 * <p>Records come keyed by {@code KEY#BLOCK} ({@link WindowBlocks}): a family or pair, and the block
 * of window starts whose windows this key's task computes; a change comes to every block that
 * needs its day. Both stores are keyed by {@code KEY#BLOCK/...}: the record's key scopes what it
 * counts, so that two keys of one task (two pairs that share a family, or two blocks, hashed to
 * one partition) never count into each other.
 *
 * <p>Counts dated before the {@link Horizon} of the latest day this task has counted leave the
 * store (a sweep every {@link HorizonSweep#INTERVAL}), and the windows they were in get
 * tombstones on the output topic (and so leave the query API's tables): no change can reach those
 * windows any more. A change dated before the horizon (sent by a classify task far behind the
 * others) is not counted, and counted in {@code jobstream.stream.beyond.horizon}.
 */
abstract class ChangedWindowsProcessor<V> implements Processor<String, TupleDelta, String, V> {

  private static final int MAX_LATENCY_SAMPLES = 10_000;

  /** Between the changed slices of a day in the store of changed days. */
  private static final String SLICE_SEPARATOR = "\n";

  /** Between a record's key and the tuple or family day it scopes in the stores. */
  private static final char SCOPE = '/';

  /** The key of the latest day counted in the store of changed days (sorts after every family). */
  private static final String LATEST = "~latest";

  /** The slice of all of a family's postings. */
  static final String ALL_SLICE = "all|all|all";

  private final List<WindowSpec> specs;
  private final String tupleStoreName;
  private final String dirtyStoreName;
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
  /** A changed day also changes the window after each window that contains it (trends compare with the one before). */
  private final boolean nextWindowChanges;
  private final Horizon horizon;
  private final WindowBlocks blocks;
  private final HorizonSweep<Long> sweep = new HorizonSweep<>(HorizonSweep.BUDGET, (key, count) -> dayOfTuple(key));
  /** The latest day counted, and the first day kept (null before the first count). */
  private LocalDate latestDay;
  private LocalDate firstKept;
  /** No input for this long means the input has stopped: the pause no longer applies. */
  private long quietMs;
  private long lastInputMs;
  private long lastEmissionEndMs;
  protected ProcessorContext<String, V> context;
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
  /** The pacer of the stream thread the task runs on (taken in init, which runs there). */
  private EmissionPacer pacer;
  /** The window an emission that ran out of time did not finish; the next starts with it. */
  private WindowJob resumeFrom;
  /**
   * An emission ran out of time while building a window: the running windows and days read are
   * kept for the next, which goes on from them; the changes counted meanwhile are applied to them,
   * so they stay what the stores hold.
   */
  private boolean keptForNext;
  private int keptSpec;
  private long deadline;
  private int daysThisEmission;
  /** Emissions so far; a change between two emissions carries the number of the one before. */
  private long emission;
  /** Changed days (as in the store of changed days) and the emission before their last change. */
  private final Map<String, Long> changedIn = new HashMap<>();
  /** Windows (spec and start) and the emission that last emitted them. */
  private final Map<String, Long> emittedIn = new HashMap<>();
  /** During an emission: the days read and the running windows over them. */
  private final SlidingWindows<Cell> windows = new SlidingWindows<>(this::readDay, this::newCell);
  /** Each scoped family's current window, and the window before it (for trends). */
  protected final SlidingWindows<Cell>.Lane current = windows.lane();
  protected final SlidingWindows<Cell>.Lane previous = windows.lane();

  private final StreamMetrics metrics;

  ChangedWindowsProcessor(List<WindowSpec> specs, String tupleStoreName, String dirtyStoreName,
      Duration emitInterval, Duration emitBudget, int pauseFactor, boolean nextWindowChanges, Horizon horizon,
      WindowBlocks blocks, StreamMetrics metrics) {
    this.specs = specs;
    this.metrics = metrics;
    this.blocks = blocks;
    this.horizon = horizon;
    this.tupleStoreName = tupleStoreName;
    this.dirtyStoreName = dirtyStoreName;
    this.emitInterval = emitInterval;
    this.emitBudget = emitBudget;
    this.pauseFactor = pauseFactor;
    this.nextWindowChanges = nextWindowChanges;
  }

  /** The slices a posting counts in, as {@code seniority|country|remote} with {@code all} where not sliced. */
  protected abstract String[] slicesOf(PostingTuple t);

  /** Emits what changed in one window. */
  protected abstract void emit(WindowSpec spec, WindowJob job, Instant now, long timestamp);

  /**
   * Emits tombstones for the {@code slices} of a window whose first days left the stores (the
   * horizon passed its start).
   */
  protected abstract void emitRemoved(String scope, String family, WindowSpec spec, WindowSpec.Window window,
      Set<String> slices, long timestamp);

  /** After an emission: what the subclass kept while it ran can go. */
  protected void emissionDone() {}

  @Override
  public void init(ProcessorContext<String, V> context) {
    this.context = context;
    this.tuples = context.getStateStore(tupleStoreName);
    this.dirty = context.getStateStore(dirtyStoreName);
    String saved = dirty.get(LATEST);
    if (saved != null) {
      latest(LocalDate.parse(saved));
    }
    context.schedule(HorizonSweep.INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> evict());
    // after a restart the changed days left from before are changes not emitted yet (at least one
    // each); the store's estimate, so that a task does not read a store at start
    unemitted = Math.max(0, dirty.approximateNumEntries());
    metrics.addUnemitted(unemitted);
    // upstream tasks hand records on at each commit, so input arrives in bursts that far apart
    Object commitInterval = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    this.quietMs = 2 * Math.max(emitInterval.toMillis(),
        commitInterval == null ? 0 : Long.parseLong(commitInterval.toString()));
    pacer = EmissionPacer.ofThisThread();
    pacer.join();
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> {
      // quiet: no input since well after the last emission ended (input waits while one runs)
      if (now < nextEmitAllowedMs && now - Math.max(lastInputMs, lastEmissionEndMs) < quietMs) {
        return;
      }
      long started = System.nanoTime();
      emitChanged();
      nextEmitAllowedMs = now + pacer.pauseMs((System.nanoTime() - started) / 1_000_000, pauseFactor);
      lastEmissionEndMs = context.currentSystemTimeMs();
    });
  }

  @Override
  public void process(Record<String, TupleDelta> record) {
    TupleDelta update = record.value();
    PostingTuple t = PostingTuple.parse(update.tuple());
    if (latestDay == null || t.day().isAfter(latestDay)) {
      latest(t.day());
      dirty.put(LATEST, latestDay.toString());
    }
    if (t.day().isBefore(firstKept)) {
      metrics.beyondHorizon();
      return;
    }
    String scope = record.key() + SCOPE;
    String tupleKey = scope + update.tuple();
    Long count = tuples.get(tupleKey);
    long now = (count == null ? 0 : count) + update.delta();
    if (now > 0) {
      tuples.put(tupleKey, now);
      sweep.written(t.day());
    } else {
      tuples.delete(tupleKey);
    }
    if (keptForNext) {
      keepExact(scope + t.family(), t, update.delta());
    }
    // the day changed, and so did the slices this posting counts in
    String familyDay = scope + t.family() + "|" + t.day();
    changedIn.put(familyDay, emission);
    String known = dirty.get(familyDay);
    Set<String> slices = slicesFrom(known);
    if (slices.addAll(List.of(slicesOf(t))) || known == null) {
      dirty.put(familyDay, String.join(SLICE_SEPARATOR, slices));
    }
    if (pending < MAX_LATENCY_SAMPLES) {
      pendingTimestamps[pending++] = record.timestamp();
    }
    unemitted++;
    metrics.addUnemitted(1);
    lastInputMs = context.currentSystemTimeMs();
  }

  private void latest(LocalDate day) {
    latestDay = day;
    firstKept = horizon.firstNeeded(day);
  }

  /**
   * Counts before the horizon leave the store; every window they were in gets tombstones for the
   * slices they counted in.
   */
  private void evict() {
    if (latestDay == null) {
      return;
    }
    List<KeyValue<String, Long>> expired = sweep.expired(tuples, firstKept);
    if (expired.isEmpty()) {
      return;
    }
    // by scoped family: the days that left and the slices their counts were in
    Map<String, TreeSet<LocalDate>> daysGone = new TreeMap<>();
    Map<String, Set<String>> slicesGone = new TreeMap<>();
    for (KeyValue<String, Long> kv : expired) {
      tuples.delete(kv.key);
      metrics.evicted();
      int tupleStart = kv.key.indexOf(SCOPE) + 1;
      PostingTuple t = PostingTuple.parse(kv.key.substring(tupleStart));
      String scoped = kv.key.substring(0, tupleStart) + t.family();
      daysGone.computeIfAbsent(scoped, k -> new TreeSet<>()).add(t.day());
      slicesGone.computeIfAbsent(scoped, k -> new TreeSet<>()).addAll(List.of(slicesOf(t)));
    }
    long timestamp = context.currentSystemTimeMs();
    daysGone.forEach((scoped, days) -> {
      int cut = scoped.indexOf(SCOPE) + 1;
      for (WindowSpec spec : specs) {
        Set<WindowSpec.Window> windows = new java.util.LinkedHashSet<>();
        days.forEach(day -> windows.addAll(spec.windowsContaining(day)));
        long block = WindowBlocks.blockOfKey(keyOf(scoped.substring(0, cut)));
        windows.removeIf(window -> blocks.blockOf(window) != block);
        for (WindowSpec.Window window : windows) {
          emitRemoved(scoped.substring(0, cut), scoped.substring(cut), spec, window, slicesGone.get(scoped), timestamp);
        }
      }
    });
  }

  /** The day of a tuple store key ({@code KEY/family|yyyy-MM-dd|...}). */
  private static LocalDate dayOfTuple(String key) {
    int from = key.indexOf('|', key.indexOf(SCOPE)) + 1;
    return LocalDate.parse(key.substring(from, from + 10));
  }

  @Override
  public void close() {
    if (pacer != null) {
      pacer.leave();
      pacer = null;
    }
    // the task moves or stops: its pending changes are counted wherever it runs next
    metrics.addUnemitted(-unemitted);
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
      it.forEachRemaining(kv -> {
        if (!kv.key.equals(LATEST)) {
          changed.put(kv.key, slicesFrom(kv.value));
        }
      });
    }
    // days before the horizon have no windows left to emit
    changed.keySet().removeIf(familyDay -> {
      boolean gone = firstKept != null && dayOf(familyDay).isBefore(firstKept);
      if (gone) {
        dirty.delete(familyDay);
        changedIn.remove(familyDay);
      }
      return gone;
    });
    if (changed.isEmpty()) {
      // nothing changed is waiting: an estimate taken at start is settled
      metrics.addUnemitted(-unemitted);
      unemitted = 0;
      return;
    }
    // days left in the store from before a restart count as changed before the first emission
    changed.keySet().forEach(familyDay -> changedIn.putIfAbsent(familyDay, 0L));
    List<WindowJob> jobs = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      TreeMap<LocalDate, WindowJob> byStart = new TreeMap<>();
      WindowSpec spec = specs.get(i);
      for (Map.Entry<String, Set<String>> day : changed.entrySet()) {
        String scope = scopeOf(day.getKey());
        String family = familyOf(day.getKey());
        long block = WindowBlocks.blockOfKey(keyOf(scope));
        long changedIn = this.changedIn.getOrDefault(day.getKey(), 0L);
        for (WindowSpec.Window window : spec.windowsContaining(dayOf(day.getKey()))) {
          // this task computes the windows of its block; the others get the day too
          if (blocks.blockOf(window) == block) {
            byStart.computeIfAbsent(window.start(), k -> new WindowJob(window)).add(scope, family, day.getValue(), changedIn);
          }
          WindowSpec.Window next = spec.next(window);
          if (nextWindowChanges && next != null && blocks.blockOf(next) == block) {
            byStart.computeIfAbsent(next.start(), k -> new WindowJob(next)).add(scope, family, day.getValue(), changedIn);
          }
        }
      }
      for (WindowJob job : byStart.values()) {
        job.spec = i;
        jobs.add(job);
      }
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    long timestamp = now.toEpochMilli();
    emission++;
    deadline = System.nanoTime() + emitBudget.toNanos();
    daysThisEmission = 0;
    int jobsThisEmission = 0;
    int first = 0;
    if (resumeFrom != null) {
      while (first < jobs.size() && jobs.get(first).isBefore(resumeFrom)) {
        first++;
      }
      first %= jobs.size();
    }
    resumeFrom = null;
    // the running windows of the last emission go on where they stopped
    int spec = keptForNext ? keptSpec : -1;
    keptForNext = false;
    for (int n = 0; n < jobs.size(); n++) {
      WindowJob job = jobs.get((first + n) % jobs.size());
      if (emittedIn.getOrDefault(job.key(), 0L) > job.latestChange) {
        continue; // emitted after every change it holds
      }
      if (jobsThisEmission > 0 && System.nanoTime() > deadline) {
        resumeFrom = job;
        break;
      }
      if (job.spec != spec) {
        spec = job.spec;
        clearEmissionState();
      }
      try {
        emit(specs.get(spec), job, now, timestamp);
      } catch (OutOfTime e) {
        resumeFrom = job;
        break;
      }
      emittedIn.put(job.key(), emission);
      jobsThisEmission++;
      // days before the previous window are not needed again while the windows go forward
      windows.forgetDaysBefore(specs.get(spec).previous(job.window).start());
    }
    if (resumeFrom != null) {
      // kept exact by the changes counted meanwhile (keepExact), so the next emission slides on
      keptForNext = true;
      keptSpec = spec;
    } else {
      clearEmissionState();
    }
    emissionDone();
    // a changed day is done once every window that contains it (and, with trends, every next one)
    // went out after its last change
    for (String familyDay : changed.keySet()) {
      long changedIn = this.changedIn.getOrDefault(familyDay, 0L);
      long block = WindowBlocks.blockOfKey(keyOf(scopeOf(familyDay)));
      boolean done = true;
      for (int i = 0; i < specs.size() && done; i++) {
        for (WindowSpec.Window window : specs.get(i).windowsContaining(dayOf(familyDay))) {
          done &= blocks.blockOf(window) != block || emittedIn.getOrDefault(WindowJob.key(i, window), 0L) > changedIn;
          WindowSpec.Window next = specs.get(i).next(window);
          done &= !nextWindowChanges || next == null || blocks.blockOf(next) != block
              || emittedIn.getOrDefault(WindowJob.key(i, next), 0L) > changedIn;
        }
      }
      if (done) {
        dirty.delete(familyDay);
        this.changedIn.remove(familyDay);
      }
    }
    if (this.changedIn.isEmpty() && resumeFrom == null) {
      emittedIn.clear();
    }
    if (resumeFrom != null || !this.changedIn.isEmpty()) {
      // the postings counted since the last full emission are not all in the statistics yet
      return;
    }
    long emitted = context.currentSystemTimeMs();
    for (int i = 0; i < pending; i++) {
      metrics.latency(Duration.ofMillis(Math.max(0, emitted - pendingTimestamps[i])));
    }
    pending = 0;
    metrics.addUnemitted(-unemitted);
    unemitted = 0;
    metrics.emittedAll(emitted);
  }

  private void clearEmissionState() {
    windows.clear();
  }

  /**
   * The family's postings under {@code scope} over {@code window} by slice, from its running
   * window in {@code lane}, moved there by sliding where it overlaps; not to be modified by the
   * caller.
   */
  protected Map<String, Cell> window(SlidingWindows<Cell>.Lane lane, String scope, String family,
      WindowSpec.Window window) {
    Map<String, Cell> slices = lane.window(scope + family, window.start(), window.end(), this::mayReadDay);
    if (slices == null) {
      throw new OutOfTime();
    }
    return slices;
  }

  /** Before a day is read into a window: out of time once the emission has moved at least one day. */
  private boolean mayReadDay() {
    return daysThisEmission++ == 0 || System.nanoTime() <= deadline;
  }

  /** An emission's budget ran out in the middle of a window. */
  private static final class OutOfTime extends RuntimeException {
    OutOfTime() {
      super(null, null, false, false);
    }
  }

  /**
   * A counted change while the state of an unfinished emission is kept: the days read and the
   * running windows that hold its day take it in, as they would have had they read it.
   */
  private void keepExact(String scoped, PostingTuple t, long delta) {
    windows.change(scoped, t.day(), slices -> addTuple(slices, t, delta));
  }

  private void addTuple(Map<String, Cell> slices, PostingTuple t, long n) {
    for (String slice : slicesOf(t)) {
      Cell cell = slices.computeIfAbsent(slice, s -> newCell());
      cell.add(t, n);
      if (cell.count == 0) {
        slices.remove(slice);
      }
    }
  }

  /** An empty cell of this stage's slices. */
  protected Cell newCell() {
    return new Cell();
  }

  /**
   * A scoped family's postings of one day by slice, from one range scan of the tuple store (the
   * sliding windows keep it while the emission may need the day again).
   */
  private Map<String, Cell> readDay(String scopedFamily, LocalDate day) {
    Map<String, Cell> slices = new HashMap<>();
    int tupleStart = scopedFamily.indexOf(SCOPE) + 1;
    try (KeyValueIterator<String, Long> it =
             tuples.range(PostingTuple.from(scopedFamily, day), PostingTuple.to(scopedFamily, day))) {
      while (it.hasNext()) {
        var kv = it.next();
        addTuple(slices, PostingTuple.parse(kv.key.substring(tupleStart)), kv.value);
      }
    }
    return slices;
  }

  /** The changed slices kept for a day (none when {@code stored} is null). */
  private static Set<String> slicesFrom(String stored) {
    Set<String> slices = new TreeSet<>();
    if (stored != null && !stored.isEmpty()) {
      slices.addAll(List.of(stored.split(SLICE_SEPARATOR)));
    }
    return slices;
  }

  private static String scopeOf(String scopedFamilyDay) {
    return scopedFamilyDay.substring(0, scopedFamilyDay.indexOf(SCOPE) + 1);
  }

  private static String familyOf(String scopedFamilyDay) {
    return scopedFamilyDay.substring(scopedFamilyDay.indexOf(SCOPE) + 1, scopedFamilyDay.lastIndexOf('|'));
  }

  private static LocalDate dayOf(String scopedFamilyDay) {
    return LocalDate.parse(scopedFamilyDay.substring(scopedFamilyDay.lastIndexOf('|') + 1));
  }

  /** The record key a scope (as {@link #window} takes it) was made from. */
  protected static String keyOf(String scope) {
    return scope.substring(0, scope.length() - 1);
  }

  /**
   * A window to emit: by scope (record key and separator), the families whose postings changed,
   * each with the slices that changed.
   */
  protected static final class WindowJob {
    final WindowSpec.Window window;
    final Map<String, Map<String, Set<String>>> scopes = new TreeMap<>();
    int spec;
    /** The emission before the latest change of the days it holds. */
    long latestChange = -1;

    WindowJob(WindowSpec.Window window) {
      this.window = window;
    }

    void add(String scope, String family, Set<String> slices, long changedIn) {
      scopes.computeIfAbsent(scope, s -> new TreeMap<>()).computeIfAbsent(family, f -> new TreeSet<>()).addAll(slices);
      latestChange = Math.max(latestChange, changedIn);
    }

    String key() {
      return key(spec, window);
    }

    static String key(int spec, WindowSpec.Window window) {
      return spec + "|" + window.start();
    }

    boolean isBefore(WindowJob other) {
      return spec < other.spec || (spec == other.spec && window.start().isBefore(other.window.start()));
    }
  }
}
