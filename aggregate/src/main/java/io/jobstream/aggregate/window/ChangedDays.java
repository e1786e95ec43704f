package io.jobstream.aggregate.window;

import io.jobstream.aggregate.WindowSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The days whose windows must be emitted again, per scope: a family's day that a change reached,
 * with the slices that changed, kept in a store of its own so that a crash between a change and
 * its emission loses nothing. Every entry of the store is a changed day ({@code SCOPE/FAMILY|DAY} ->
 * the changed slices, one a line); nothing else is kept there.
 *
 * <p>A day is done, and leaves the store, once every window of this task's block that contains it
 * (and with trends the window after each) went out after the day's last change. To tell, changes
 * and emitted windows carry the number of the emission they came before or in: emissions are
 * counted from 1 in this task's life; days found in the store at start count as changed before
 * the first.
 */
public final class ChangedDays {

  /** The end of the scope (the record key) in a store key. */
  public static final char SCOPE_END = '/';

  /** Between the changed slices of a day in the store. */
  private static final String SLICE_SEPARATOR = "\n";

  /** Which block of windows a scope's task computes, and which block a window is in. */
  public interface Blocks {
    long ofScope(String scope);

    long ofWindow(WindowSpec.Window window);

    static Blocks of(ToLongFunction<String> ofScope, ToLongFunction<WindowSpec.Window> ofWindow) {
      return new Blocks() {
        @Override
        public long ofScope(String scope) {
          return ofScope.applyAsLong(scope);
        }

        @Override
        public long ofWindow(WindowSpec.Window window) {
          return ofWindow.applyAsLong(window);
        }
      };
    }
  }

  private final KeyValueStore<String, String> store;
  private final List<WindowSpec> specs;
  private final Blocks blocks;
  private final boolean nextWindowChanges;
  /** Emissions so far; a change between two emissions carries the number of the one before. */
  private long emission;
  /** Changed days (store keys) and the emission before their last change. */
  private final Map<String, Long> changedIn = new HashMap<>();
  /** Windows (spec and start) and the emission that last emitted them. */
  private final Map<String, Long> emittedIn = new HashMap<>();

  /**
   * @param store the store of changed days
   * @param specs the stage's window specs
   * @param blocks the blocks of scopes and windows
   * @param nextWindowChanges a changed day also changes the window after each window that holds it
   *     (the divergence trends compare with the window before)
   */
  public ChangedDays(KeyValueStore<String, String> store, List<WindowSpec> specs, Blocks blocks,
      boolean nextWindowChanges) {
    this.store = store;
    this.specs = List.copyOf(specs);
    this.blocks = blocks;
    this.nextWindowChanges = nextWindowChanges;
  }

  /** The store key of a family's day under {@code scope} (which ends with {@link #SCOPE_END}). */
  public static String key(String scope, String family, LocalDate day) {
    return scope + family + "|" + day;
  }

  /** A change of {@code family}'s {@code day} under {@code scope} reached {@code slices}. */
  public void changed(String scope, String family, LocalDate day, Collection<String> slices) {
    String key = key(scope, family, day);
    changedIn.put(key, emission);
    String known = store.get(key);
    Set<String> kept = slicesFrom(known);
    if (kept.addAll(slices) || known == null) {
      store.put(key, String.join(SLICE_SEPARATOR, kept));
    }
  }

  /**
   * The changed days waiting, in key order, by store key with their changed slices; days before
   * {@code firstKept} (null: none) have no windows left to emit and are dropped.
   */
  public Map<String, Set<String>> waiting(LocalDate firstKept) {
    Map<String, Set<String>> waiting = new LinkedHashMap<>();
    try (KeyValueIterator<String, String> it = store.all()) {
      it.forEachRemaining(kv -> waiting.put(kv.key, slicesFrom(kv.value)));
    }
    waiting.keySet().removeIf(day -> {
      boolean gone = firstKept != null && dayOf(day).isBefore(firstKept);
      if (gone) {
        store.delete(day);
        changedIn.remove(day);
      }
      return gone;
    });
    // days left in the store from before a restart count as changed before the first emission
    waiting.keySet().forEach(day -> changedIn.putIfAbsent(day, 0L));
    return waiting;
  }

  /**
   * The windows of this task's block to emit for the {@code waiting} days, each once, in order
   * of spec and start.
   */
  public List<WindowJob> jobs(Map<String, Set<String>> waiting) {
    List<WindowJob> jobs = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      int spec = i;
      TreeMap<LocalDate, WindowJob> byStart = new TreeMap<>();
      for (Map.Entry<String, Set<String>> day : waiting.entrySet()) {
        String scope = scopeOf(day.getKey());
        String family = familyOf(day.getKey());
        long block = blocks.ofScope(scope);
        long changed = changedIn.getOrDefault(day.getKey(), 0L);
        for (WindowSpec.Window window : specs.get(i).windowsContaining(dayOf(day.getKey()))) {
          // this task computes the windows of its block; the others get the day too
          if (blocks.ofWindow(window) == block) {
            byStart.computeIfAbsent(window.start(), k -> new WindowJob(spec, window)).add(scope, family, day.getValue(), changed);
          }
          WindowSpec.Window next = specs.get(i).next(window);
          if (nextWindowChanges && next != null && blocks.ofWindow(next) == block) {
            byStart.computeIfAbsent(next.start(), k -> new WindowJob(spec, next)).add(scope, family, day.getValue(), changed);
          }
        }
      }
      jobs.addAll(byStart.values());
    }
    return jobs;
  }

  /** An emission starts: changes from now on come after it. */
  public void emissionStarted() {
    emission++;
  }

  /** The window went out after every change it holds: nothing to emit again. */
  public boolean upToDate(WindowJob job) {
    return emittedIn.getOrDefault(job.key(), 0L) > job.latestChange();
  }

  /** The window went out in this emission. */
  public void emitted(WindowJob job) {
    emittedIn.put(job.key(), emission);
  }

  /**
   * After an emission: the {@code waiting} days all of whose windows went out after their last
   * change leave the store.
   *
   * @param unfinished the emission stopped before its last window (what it emitted stays known)
   */
  public void emissionEnded(Collection<String> waiting, boolean unfinished) {
    for (String day : waiting) {
      if (done(day)) {
        store.delete(day);
        changedIn.remove(day);
      }
    }
    if (changedIn.isEmpty() && !unfinished) {
      emittedIn.clear();
    }
  }

  private boolean done(String day) {
    long changed = changedIn.getOrDefault(day, 0L);
    long block = blocks.ofScope(scopeOf(day));
    for (int i = 0; i < specs.size(); i++) {
      for (WindowSpec.Window window : specs.get(i).windowsContaining(dayOf(day))) {
        if (blocks.ofWindow(window) == block && emittedIn.getOrDefault(WindowJob.key(i, window), 0L) <= changed) {
          return false;
        }
        WindowSpec.Window next = specs.get(i).next(window);
        if (nextWindowChanges && next != null && blocks.ofWindow(next) == block
            && emittedIn.getOrDefault(WindowJob.key(i, next), 0L) <= changed) {
          return false;
        }
      }
    }
    return true;
  }

  /** No changed day is waiting (as far as this task's life knows: call after {@link #waiting}). */
  public boolean noneWaiting() {
    return changedIn.isEmpty();
  }

  /** The store's estimate of its days (what a restarted task has left to emit). */
  public long storedEstimate() {
    return Math.max(0, store.approximateNumEntries());
  }

  /** The changed slices kept for a day (none when {@code stored} is null). */
  private static Set<String> slicesFrom(String stored) {
    Set<String> slices = new TreeSet<>();
    if (stored != null && !stored.isEmpty()) {
      slices.addAll(List.of(stored.split(SLICE_SEPARATOR)));
    }
    return slices;
  }

  static String scopeOf(String day) {
    return day.substring(0, day.indexOf(SCOPE_END) + 1);
  }

  static String familyOf(String day) {
    return day.substring(day.indexOf(SCOPE_END) + 1, day.lastIndexOf('|'));
  }

  static LocalDate dayOf(String day) {
    return LocalDate.parse(day.substring(day.lastIndexOf('|') + 1));
  }
}
