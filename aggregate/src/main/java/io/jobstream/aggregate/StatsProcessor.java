package io.jobstream.aggregate;

import io.jobstream.aggregate.stats.PayCounts;
import io.jobstream.aggregate.window.WindowJob;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.StatsKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The statistics of a family's windows, in the tasks of the family's blocks of windows
 * ({@link WindowBlocks}): every emission, the slices that changed of every window of the block
 * that contains a changed day -> {@code jobs.salary.stats}.
 *
 * <p>Slices emitted per family and window (bounded): all; each seniority; each country (ISO
 * code, or {@code unknown}); remote {@code true}/{@code false}/{@code unknown}. A slice with no
 * postings left is a tombstone; an emptied family window still says so.
 */
final class StatsProcessor extends ChangedWindowsProcessor<SalaryStats> {

  private final String currency;

  StatsProcessor(List<WindowSpec> specs, String tupleStoreName, String dirtyStoreName, String latestStoreName,
      String currency, Duration emitInterval, Duration emitBudget, int pauseFactor, Horizon horizon, WindowBlocks blocks,
      StreamMetrics metrics) {
    super(specs, tupleStoreName, dirtyStoreName, latestStoreName, emitInterval, emitBudget, pauseFactor, false, horizon,
        blocks, metrics);
    this.currency = currency;
  }

  @Override
  protected String[] slicesOf(PostingTuple t) {
    return new String[] {ALL_SLICE, t.seniority() + "|all|all", "all|" + t.country() + "|all",
        "all|all|" + t.remote()};
  }

  @Override
  protected boolean emit(WindowSpec spec, WindowJob job, Instant now, long timestamp) {
    for (Map.Entry<String, Map<String, Set<String>>> scope : job.scopes().entrySet()) {
      for (Map.Entry<String, Set<String>> family : scope.getValue().entrySet()) {
        Map<String, Cell> cells = window(current, scope.getKey(), family.getKey(), job.window());
        if (cells == null) {
          return false;
        }
        emitStats(family.getKey(), spec, job.window(), cells, family.getValue(), now, timestamp);
      }
    }
    return true;
  }

  @Override
  protected void emitRemoved(String scope, String family, WindowSpec spec, WindowSpec.Window window,
      Set<String> slices, long timestamp) {
    for (String slice : slices) {
      context.forward(new Record<>(statsKey(family, spec, window, slice), null, timestamp));
    }
  }

  private static String statsKey(String family, WindowSpec spec, WindowSpec.Window window, String slice) {
    String[] parts = slice.split("\\|");
    return new StatsKey(spec.text(), window.start(), family, parts[0], parts[1], parts[2]).format();
  }

  private void emitStats(String family, WindowSpec spec, WindowSpec.Window window,
      Map<String, Cell> cells, Set<String> changed, Instant now, long timestamp) {
    for (String slice : changed) {
      String[] parts = slice.split("\\|");
      Cell cell = cells.get(slice);
      if (cell != null || slice.equals(ALL_SLICE)) {
        SalaryStats stats = stats(family, parts[0], parts[1], parts[2], spec, window,
            cell == null ? new Cell() : cell, now);
        context.forward(new Record<>(stats.key(), stats, timestamp));
      } else {
        context.forward(new Record<>(statsKey(family, spec, window, slice), null, timestamp));
      }
    }
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
}
