package io.jobstream.aggregate;

import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;

/**
 * One output of the window stage, for {@code jobs.salary.stats} or {@code jobs.salary.divergence};
 * a null value there is a tombstone.
 */
record WindowOutput(boolean forStats, SalaryStats stats, SalaryDivergence divergence) {

  static WindowOutput of(SalaryStats stats) {
    return new WindowOutput(true, stats, null);
  }

  static WindowOutput of(SalaryDivergence divergence) {
    return new WindowOutput(false, null, divergence);
  }

  /** A group with no postings left in its window. */
  static WindowOutput statsRemoved() {
    return new WindowOutput(true, null, null);
  }

  /** A slice that no longer has the minimum number of postings with pay on both sides. */
  static WindowOutput divergenceRemoved() {
    return new WindowOutput(false, null, null);
  }

  boolean isStats() {
    return forStats;
  }
}
