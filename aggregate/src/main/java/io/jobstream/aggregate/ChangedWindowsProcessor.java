package io.jobstream.aggregate;

import io.jobstream.aggregate.window.ChangedDays;
import io.jobstream.aggregate.window.EmissionScheduler;
import io.jobstream.aggregate.window.EvictedWindows;
import io.jobstream.aggregate.window.HorizonEviction;
import io.jobstream.aggregate.window.LatestDay;
import io.jobstream.aggregate.window.PendingChanges;
import io.jobstream.aggregate.window.SlidingWindows;
import io.jobstream.aggregate.window.WindowJob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The parts are in {@link io.jobstream.aggregate.window}: the days that changed are kept by
 * {@link ChangedDays} (in a store of their own, so a crash between a change and its emission loses
 * nothing), the latest day counted by {@link LatestDay}, the windows slide in {@link SlidingWindows}
 * (a day of a family read with one range scan of the counts, once per emission), and
 * {@link EmissionScheduler} says when an emission runs and for how long. This class wires the
 * stores, the clock and the records to them. (It is longer than the parts, about 320 lines, for
 * the seams its two stages fill: slices, cells, what an emission and a tombstone send.)
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

  /** Between a record's key and the tuple or family day it scopes in the stores. */
  private static final char SCOPE = ChangedDays.SCOPE_END;

  /** The slice of all of a family's postings. */
  static final String ALL_SLICE = "all|all|all";

  private final List<WindowSpec> specs;
  private final String tupleStoreName;
  private final String dirtyStoreName;
  private final String latestStoreName;
  private final Duration emitInterval;
  /** A changed day also changes the window after each window that contains it (trends compare with the one before). */
  private final boolean nextWindowChanges;
  private final HorizonEviction<Long> eviction =
      new HorizonEviction<>(HorizonEviction.BUDGET, (key, count) -> dayOfTuple(key));
  private final LatestDay latest;
  /** The block of windows a scope's task computes (from its record key), and the block of a window. */
  private final ChangedDays.Blocks taskBlocks;
  private final EmissionScheduler scheduler;
  private ChangedDays changedDays;
  protected ProcessorContext<String, V> context;
  private KeyValueStore<String, Long> tuples;
  private final PendingChanges pending;
  /**
   * The days read and the running windows over them, of the spec {@link #windowsSpec}. An emission
   * that ran out of time keeps them for the next, which goes on from them; the changes counted
   * meanwhile are applied to them, so they stay what the stores hold.
   */
  private final SlidingWindows<Cell> windows = new SlidingWindows<>(this::readDay, this::newCell);
  private int windowsSpec = -1;
  /** Each scoped family's current window, and the window before it (for trends). */
  protected final SlidingWindows<Cell>.Lane current = windows.lane();
  protected final SlidingWindows<Cell>.Lane previous = windows.lane();

  private final StreamMetrics metrics;

  /**
   * @param emitBudget longest an emission runs before it leaves the remaining changed days to the
   *     next one ({@link EmissionScheduler})
   * @param pauseFactor the least pause after an emission, in multiples of its duration, while input
   *     keeps coming ({@link EmissionScheduler})
   */
  ChangedWindowsProcessor(List<WindowSpec> specs, String tupleStoreName, String dirtyStoreName, String latestStoreName,
      Duration emitInterval, Duration emitBudget, int pauseFactor, boolean nextWindowChanges, Horizon horizon,
      WindowBlocks blocks, StreamMetrics metrics) {
    this.specs = specs;
    this.metrics = metrics;
    this.tupleStoreName = tupleStoreName;
    this.dirtyStoreName = dirtyStoreName;
    this.latestStoreName = latestStoreName;
    this.emitInterval = emitInterval;
    this.nextWindowChanges = nextWindowChanges;
    this.latest = new LatestDay(horizon::firstNeeded);
    this.taskBlocks = ChangedDays.Blocks.of(scope -> WindowBlocks.blockOfKey(keyOf(scope)), blocks::blockOf);
    this.scheduler = new EmissionScheduler(emitBudget, pauseFactor, System::nanoTime);
    this.pending = new PendingChanges(PendingChanges.Meters.of(metrics::addUnemitted, metrics::latency,
        metrics::emittedAll));
  }

  /** The slices a posting counts in, as {@code seniority|country|remote} with {@code all} where not sliced. */
  protected abstract String[] slicesOf(PostingTuple t);

  /**
   * Emits what changed in one window.
   *
   * @return false when the emission ran out of time before the window was out (a {@link #window}
   *     came back null); the next emission emits the whole window again
   */
  protected abstract boolean emit(WindowSpec spec, WindowJob job, Instant now, long timestamp);

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
    KeyValueStore<String, String> dirty = context.getStateStore(dirtyStoreName);
    latest.restore(context.getStateStore(latestStoreName), dirty);
    changedDays = new ChangedDays(dirty, specs, taskBlocks, nextWindowChanges);
    context.schedule(HorizonEviction.INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> evict());
    // after a restart the changed days left from before are changes not emitted yet
    pending.restored(changedDays.storedEstimate());
    // upstream tasks hand records on at each commit, so input arrives in bursts that far apart
    Object commitInterval = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    scheduler.start(2 * Math.max(emitInterval.toMillis(),
        commitInterval == null ? 0 : Long.parseLong(commitInterval.toString())));
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> {
      if (scheduler.due(now)) {
        scheduler.open();
        emitChanged();
        scheduler.end(now, context.currentSystemTimeMs());
      }
    });
  }

  @Override
  public void process(Record<String, TupleDelta> record) {
    TupleDelta update = record.value();
    PostingTuple t = PostingTuple.parse(update.tuple());
    latest.counted(t.day());
    if (latest.beforeHorizon(t.day())) {
      metrics.beyondHorizon();
      return;
    }
    String scope = record.key() + SCOPE;
    if (update.delta() == 0) {
      // changes that cancelled out in a combined batch: nothing to count, but the windows are
      // emitted as had the changes come one by one
      changedDays.changed(scope, t.family(), t.day(), List.of(slicesOf(t)));
      return;
    }
    String tupleKey = scope + update.tuple();
    Long count = tuples.get(tupleKey);
    long now = (count == null ? 0 : count) + update.delta();
    if (now > 0) {
      tuples.put(tupleKey, now);
      eviction.written(t.day());
    } else {
      tuples.delete(tupleKey);
    }
    // kept windows that hold its day take it in, as had they read it (none kept: nothing to do)
    windows.change(scope + t.family(), t.day(), slices -> addTuple(slices, t, update.delta()));
    // the day changed, and so did the slices this posting counts in
    changedDays.changed(scope, t.family(), t.day(), List.of(slicesOf(t)));
    pending.counted(record.timestamp());
    scheduler.input(context.currentSystemTimeMs());
  }

  /**
   * Counts before the horizon leave the store; every window they were in gets tombstones for the
   * slices they counted in.
   */
  private void evict() {
    if (latest.latest() == null) {
      return;
    }
    List<KeyValue<String, Long>> expired = eviction.evict(tuples, latest.firstKept());
    if (expired.isEmpty()) {
      return;
    }
    EvictedWindows gone = new EvictedWindows(specs, taskBlocks);
    for (KeyValue<String, Long> kv : expired) {
      metrics.evicted();
      int tupleStart = kv.key.indexOf(SCOPE) + 1;
      PostingTuple t = PostingTuple.parse(kv.key.substring(tupleStart));
      gone.add(kv.key.substring(0, tupleStart), t.family(), t.day(), List.of(slicesOf(t)));
    }
    long timestamp = context.currentSystemTimeMs();
    for (EvictedWindows.Removed removed : gone.windows()) {
      emitRemoved(removed.scope(), removed.family(), removed.spec(), removed.window(), removed.slices(), timestamp);
    }
  }

  /** The day of a tuple store key ({@code KEY/family|yyyy-MM-dd|...}). */
  private static LocalDate dayOfTuple(String key) {
    int from = key.indexOf('|', key.indexOf(SCOPE)) + 1;
    return LocalDate.parse(key.substring(from, from + 10));
  }

  @Override
  public void close() {
    scheduler.stop();
    // the task moves or stops: its pending changes are counted wherever it runs next
    pending.settled();
  }

  /**
   * Emits every window that contains a changed day, each once, in order of spec and start, for as
   * long as the emission's budget allows; the next emission goes on after the last window this one
   * emitted (round robin). Consecutive windows of a family are computed by sliding: the days that
   * leave are taken out and the days that enter are added, so a {@code 30d/1d} window costs two
   * days, not thirty.
   */
  void emitChanged() {
    Map<String, Set<String>> changed = changedDays.waiting(latest.firstKept());
    if (changed.isEmpty()) {
      // nothing changed is waiting: an estimate taken at start is settled
      pending.settled();
      return;
    }
    List<WindowJob> jobs = changedDays.jobs(changed);
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    long timestamp = now.toEpochMilli();
    changedDays.emissionStarted();
    int first = scheduler.begin(jobs);
    // the running windows of the last emission (if it stopped early) go on where they stopped
    for (int n = 0; n < jobs.size(); n++) {
      WindowJob job = jobs.get((first + n) % jobs.size());
      if (changedDays.upToDate(job)) {
        continue; // emitted after every change it holds
      }
      if (!scheduler.mayStartJob()) {
        scheduler.stopBefore(job);
        break;
      }
      if (job.spec() != windowsSpec) {
        windowsSpec = job.spec();
        windows.clear();
      }
      if (!emit(specs.get(windowsSpec), job, now, timestamp)) {
        scheduler.stopBefore(job);
        break;
      }
      changedDays.emitted(job);
      scheduler.jobDone();
      // days before the previous window are not needed again while the windows go forward
      windows.forgetDaysBefore(specs.get(windowsSpec).previous(job.window()).start());
    }
    if (!scheduler.unfinished()) {
      windows.clear(); // else kept exact by the changes counted meanwhile, so the next slides on
    }
    emissionDone();
    // a changed day is done once every window that contains it (and, with trends, every next one)
    // went out after its last change
    changedDays.emissionEnded(changed.keySet(), scheduler.unfinished());
    if (scheduler.unfinished() || !changedDays.noneWaiting()) {
      // the postings counted since the last full emission are not all in the statistics yet
      return;
    }
    pending.allEmitted(context.currentSystemTimeMs());
  }

  /**
   * The family's postings under {@code scope} over {@code window} by slice, from its running
   * window in {@code lane}, moved there by sliding where it overlaps; not to be modified by the
   * caller.
   *
   * @return the slices, or null when the emission ran out of time (the caller returns false from
   *     {@link #emit})
   */
  protected Map<String, Cell> window(SlidingWindows<Cell>.Lane lane, String scope, String family,
      WindowSpec.Window window) {
    return lane.window(scope + family, window.start(), window.end(), scheduler::mayReadDay);
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

  /** The record key a scope (as {@link #window} takes it) was made from. */
  protected static String keyOf(String scope) {
    return scope.substring(0, scope.length() - 1);
  }
}
