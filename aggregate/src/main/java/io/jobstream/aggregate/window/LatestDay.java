package io.jobstream.aggregate.window;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The latest day a window task has counted, and from it the first day its stores keep (the
 * horizon). Kept in a store of its own, one entry ({@link #KEY} -> ISO date), so that it survives a
 * restart or a move of the task: a task that forgot it would take the next change's day for the
 * latest, keep days it should drop and count changes it should turn away.
 *
 * <p>Stores written before this store existed kept the day in the store of changed days under
 * {@link #LEGACY_KEY}; the first start after the upgrade takes it from there and deletes it.
 */
public final class LatestDay {

  /** The key of the one entry of the store. */
  static final String KEY = "latest";

  /** Where earlier versions kept the day, in the store of changed days. */
  static final String LEGACY_KEY = "~latest";

  private final UnaryOperator<LocalDate> firstNeeded;
  private KeyValueStore<String, String> store;
  private LocalDate latest;
  private LocalDate firstKept;

  /** @param firstNeeded the first day still needed when the latest is the given one (the horizon) */
  public LatestDay(UnaryOperator<LocalDate> firstNeeded) {
    this.firstNeeded = firstNeeded;
  }

  /**
   * Reads the day saved in {@code store} (or, once, the legacy entry of {@code changedDays}).
   *
   * @param store this task's store of the latest day
   * @param changedDays this task's store of changed days, for the legacy entry
   */
  public void restore(KeyValueStore<String, String> store, KeyValueStore<String, String> changedDays) {
    this.store = store;
    String saved = store.get(KEY);
    String legacy = changedDays.get(LEGACY_KEY);
    if (legacy != null) {
      changedDays.delete(LEGACY_KEY);
      if (saved == null || LocalDate.parse(legacy).isAfter(LocalDate.parse(saved))) {
        saved = legacy;
        store.put(KEY, legacy);
      }
    }
    latest = null;
    firstKept = null;
    if (saved != null) {
      set(LocalDate.parse(saved));
    }
  }

  /** A change dated {@code day} came: the latest day moves to it if later (and is saved). */
  public void counted(LocalDate day) {
    if (latest == null || day.isAfter(latest)) {
      set(day);
      store.put(KEY, day.toString());
    }
  }

  /** The day is before the horizon: its windows can no longer change. */
  public boolean beforeHorizon(LocalDate day) {
    return firstKept != null && day.isBefore(firstKept);
  }

  /** The first day kept; null before the first count. */
  public LocalDate firstKept() {
    return firstKept;
  }

  /** The latest day counted; null before the first count. */
  public LocalDate latest() {
    return latest;
  }

  private void set(LocalDate day) {
    latest = day;
    firstKept = firstNeeded.apply(day);
  }
}
