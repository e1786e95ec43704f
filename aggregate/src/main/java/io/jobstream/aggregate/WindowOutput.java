package io.jobstream.aggregate;

import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;

/** One output of the window stage: statistics, or a divergence (null value: a tombstone). */
record WindowOutput(SalaryStats stats, SalaryDivergence divergence) {

  boolean isStats() {
    return stats != null;
  }
}
