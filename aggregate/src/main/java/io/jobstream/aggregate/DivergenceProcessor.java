package io.jobstream.aggregate;

import io.jobstream.aggregate.stats.AdjustedGap;
import io.jobstream.aggregate.stats.MannWhitney;
import io.jobstream.aggregate.stats.MedianGap;
import io.jobstream.aggregate.stats.Normal;
import io.jobstream.aggregate.stats.PayCounts;
import io.jobstream.aggregate.window.WindowJob;
import io.jobstream.model.DivergenceKey;
import io.jobstream.model.SalaryDivergence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The pay gaps of a pair of families, in the tasks of the pair's blocks of windows: both families'
 * postings with pay come here (keyed by {@link DivergenceSettings.Pair#key} and block), and every
 * emission re-computes, for every
 * window that contains a changed day and the window after it (whose trend compares with it), the
 * slices that changed -> {@code jobs.salary.divergence}. Slices: all; each seniority; each
 * country; a slice where either side has fewer than the minimum number of postings with pay is a
 * tombstone. The slice {@code all} also carries the gap adjusted for seniority and country
 * ({@link AdjustedGap}), from the cells seniority x country, which are counted for it and not emitted
 * as slices of their own.
 */
final class DivergenceProcessor extends ChangedWindowsProcessor<SalaryDivergence> {

  static final String METHOD = "median gap with Price-Bonett 95% interval; two-sided Mann-Whitney U,"
      + " tie-corrected, normal approximation with continuity correction; on slice all, the gap adjusted for"
      + " seniority x country: cell gaps of medians weighted by the pair's pooled cell shares, countries below"
      + " the minimum n pooled as other, interval from the cells' Price-Bonett variances";

  private final String currency;
  private final DivergenceSettings divergence;
  private final Map<String, DivergenceSettings.Pair> pairs = new HashMap<>();
  /** During an emission: the pay gaps computed, by pair, spec, window start and slice. */
  private final Map<String, MedianGap> gapsThisEmission = new HashMap<>();
  private final Set<String> gapSlicesDone = new HashSet<>();

  DivergenceProcessor(List<WindowSpec> specs, String tupleStoreName, String dirtyStoreName, String latestStoreName,
      String currency, DivergenceSettings divergence, Duration emitInterval, Duration emitBudget, int pauseFactor,
      Horizon horizon, WindowBlocks blocks, StreamMetrics metrics) {
    super(specs, tupleStoreName, dirtyStoreName, latestStoreName, emitInterval, emitBudget, pauseFactor, true, horizon,
        blocks, metrics);
    this.currency = currency;
    this.divergence = divergence;
    divergence.pairs().forEach(p -> pairs.put(p.key(), p));
  }

  @Override
  protected String[] slicesOf(PostingTuple t) {
    return new String[] {ALL_SLICE, t.seniority() + "|all|all", "all|" + t.country() + "|all",
        cellSlice(t.seniority(), t.country())};
  }

  /** The slice of one cell of seniority x country, counted for the adjusted gap only. */
  static String cellSlice(String seniority, String country) {
    return seniority + "|" + country + "|all";
  }

  /** A slice of seniority x country (neither is {@code all}): a cell of the adjusted gap, never emitted. */
  static boolean isCell(String slice) {
    return !slice.startsWith("all|") && !slice.startsWith("all|", slice.indexOf('|') + 1);
  }

  /** The gaps use the pay midpoints only. */
  @Override
  protected Cell newCell() {
    return Cell.midpointsOnly();
  }

  @Override
  protected boolean emit(WindowSpec spec, WindowJob job, Instant now, long timestamp) {
    for (Map.Entry<String, Map<String, Set<String>>> scope : job.scopes().entrySet()) {
      DivergenceSettings.Pair pair = pairs.get(WindowBlocks.keyOf(keyOf(scope.getKey())));
      if (pair == null) {
        continue; // a pair no longer configured: its counts stay, nothing is emitted for it
      }
      Set<String> changed = new TreeSet<>();
      scope.getValue().values().forEach(changed::addAll);
      if (!emitDivergence(scope.getKey(), pair, spec, job.window(), changed, now, timestamp)) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected void emitRemoved(String scope, String family, WindowSpec spec, WindowSpec.Window window,
      Set<String> slices, long timestamp) {
    DivergenceSettings.Pair pair = pairs.get(WindowBlocks.keyOf(keyOf(scope)));
    if (pair == null) {
      return;
    }
    for (String slice : slices) {
      if (isCell(slice)) {
        continue;
      }
      String[] parts = slice.split("\\|");
      context.forward(new Record<>(new DivergenceKey(pair.a(), pair.b(), spec.text(), window.start(), parts[0],
          parts[1]).format(), null, timestamp));
    }
  }

  @Override
  protected void emissionDone() {
    gapsThisEmission.clear();
    gapSlicesDone.clear();
  }

  /**
   * The divergences of the slices (all, a seniority, a country) that changed in either family;
   * false when the emission ran out of time first.
   */
  private boolean emitDivergence(String scope, DivergenceSettings.Pair pair, WindowSpec spec, WindowSpec.Window window,
      Set<String> changed, Instant now, long timestamp) {
    Map<String, Cell> a = window(current, scope, pair.a(), window);
    Map<String, Cell> b = a == null ? null : window(current, scope, pair.b(), window);
    if (b == null) {
      return false;
    }
    WindowSpec.Window previous = spec.previous(window);
    Map<String, Cell> prevA = null;
    Map<String, Cell> prevB = null;
    // all first, then seniorities, then countries
    List<String> ordered = new ArrayList<>();
    if (changed.contains(ALL_SLICE)) {
      ordered.add(ALL_SLICE);
    }
    changed.stream().filter(s -> !s.startsWith("all|") && s.endsWith("|all|all")).forEach(ordered::add);
    changed.stream().filter(s -> s.startsWith("all|") && s.endsWith("|all") && !s.startsWith("all|all|"))
        .forEach(ordered::add);
    String windowKey = pair.key() + "|" + spec.text() + "|" + window.start();
    String previousKey = pair.key() + "|" + spec.text() + "|" + previous.start();
    for (String slice : ordered) {
      String[] parts = slice.split("\\|");
      String seniority = parts[0];
      String country = parts[1];
      String key = new DivergenceKey(pair.a(), pair.b(), spec.text(), window.start(), seniority, country).format();
      Cell ca = a.get(slice);
      Cell cb = b.get(slice);
      MedianGap gap = qualifies(ca, cb) ? MedianGap.of(ca.mid, cb.mid, 0.95) : null;
      // this emission's gaps, for the trend of the window after this one
      gapSlicesDone.add(windowKey + "|" + slice);
      if (gap == null) {
        context.forward(new Record<>(key, null, timestamp));
        continue;
      }
      gapsThisEmission.put(windowKey + "|" + slice, gap);
      MedianGap before;
      if (gapSlicesDone.contains(previousKey + "|" + slice)) {
        before = gapsThisEmission.get(previousKey + "|" + slice); // null: too few postings then
      } else {
        if (prevA == null) {
          prevA = window(this.previous, scope, pair.a(), previous);
          prevB = prevA == null ? null : window(this.previous, scope, pair.b(), previous);
          if (prevB == null) {
            return false;
          }
        }
        Cell pa = prevA.get(slice);
        Cell pb = prevB.get(slice);
        before = qualifies(pa, pb) ? MedianGap.of(pa.mid, pb.mid, 0.95) : null;
      }
      AdjustedGap adjusted = slice.equals(ALL_SLICE) ? adjusted(a, b) : null;
      context.forward(new Record<>(key, divergence(pair, spec, window, seniority, country,
          ca, cb, gap, previous, before, adjusted, now), timestamp));
    }
    return true;
  }

  /** The gap adjusted for seniority and country, from the cells of both families' slices; null without a usable cell. */
  private AdjustedGap adjusted(Map<String, Cell> a, Map<String, Cell> b) {
    return AdjustedGap.of(cells(a), cells(b), divergence.minN(), 0.95);
  }

  /** Seniority -> country -> pay of the postings with pay, from the cell slices (not copied). */
  private static Map<String, Map<String, PayCounts>> cells(Map<String, Cell> slices) {
    Map<String, Map<String, PayCounts>> out = new HashMap<>();
    slices.forEach((slice, cell) -> {
      if (cell.salaryCount > 0 && isCell(slice)) {
        int bar = slice.indexOf('|');
        out.computeIfAbsent(slice.substring(0, bar), s -> new HashMap<>())
            .put(slice.substring(bar + 1, slice.indexOf('|', bar + 1)), cell.mid);
      }
    });
    return out;
  }

  /** Both sides have the minimum number of postings with pay. */
  private boolean qualifies(Cell a, Cell b) {
    return a != null && b != null && a.salaryCount >= divergence.minN() && b.salaryCount >= divergence.minN();
  }

  private SalaryDivergence divergence(DivergenceSettings.Pair pair, WindowSpec spec,
      WindowSpec.Window window, String seniority, String country, Cell a, Cell b, MedianGap gap,
      WindowSpec.Window previous, MedianGap before, AdjustedGap adjusted, Instant now) {
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
        divergence.alpha(), currency, METHOD, trend, now,
        adjusted == null ? null : adjusted.gap(), adjusted == null ? null : adjusted.ciLow(),
        adjusted == null ? null : adjusted.ciHigh(), adjusted == null ? null : adjusted.coverage(),
        adjusted == null ? null : adjusted.cells().stream().map(c -> new SalaryDivergence.AdjustedCell(
            c.seniority(), c.country(), c.nA(), c.nB(), c.medianA(), c.medianB(), c.gap(), c.weight())).toList());
  }
}
