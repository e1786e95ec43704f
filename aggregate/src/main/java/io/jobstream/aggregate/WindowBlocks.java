package io.jobstream.aggregate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Windows by block of their start day ({@code floor(epochDay / blockDays)}), so that one
 * family's (or pair's) windows spread over several tasks: the task of key {@code X#b} computes the
 * windows of X that start in block b, and a change dated d goes to every block that has a window
 * needing d: one that contains d, and, where trends compare a window with the one before it, one
 * whose previous window contains d.
 */
final class WindowBlocks {

  /** Between the family or pair and the block in a task key. */
  static final char SEPARATOR = '#';

  private final List<WindowSpec> specs;
  private final long blockDays;

  WindowBlocks(List<WindowSpec> specs, long blockDays) {
    this.specs = List.copyOf(specs);
    this.blockDays = blockDays;
  }

  /** The block of a window: that of its start day. */
  long blockOf(WindowSpec.Window window) {
    return Math.floorDiv(window.start().toEpochDay(), blockDays);
  }

  /**
   * The blocks whose windows need a change dated {@code day}: those of the windows that contain
   * it, and with {@code trends} of the windows after those (their trend reads the window before).
   */
  Set<Long> blocksFor(LocalDate day, boolean trends) {
    Set<Long> blocks = new TreeSet<>();
    for (WindowSpec spec : specs) {
      for (WindowSpec.Window window : spec.windowsContaining(day)) {
        blocks.add(blockOf(window));
        WindowSpec.Window next = trends ? spec.next(window) : null;
        if (next != null) {
          blocks.add(blockOf(next));
        }
      }
    }
    return blocks;
  }

  /** The task key of {@code key} (a family or a pair) in {@code block}. */
  static String taskKey(String key, long block) {
    return key + SEPARATOR + block;
  }

  /** The block of a task key. */
  static long blockOfKey(String taskKey) {
    return Long.parseLong(taskKey.substring(taskKey.lastIndexOf(SEPARATOR) + 1));
  }

  /** The family or pair of a task key. */
  static String keyOf(String taskKey) {
    return taskKey.substring(0, taskKey.lastIndexOf(SEPARATOR));
  }
}
