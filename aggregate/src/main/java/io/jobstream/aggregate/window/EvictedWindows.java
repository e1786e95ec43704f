package io.jobstream.aggregate.window;

import io.jobstream.aggregate.WindowSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The windows that lose counts when counts leave the stores behind the horizon: every window of
 * this task's block that contains a day that left gets tombstones for the slices the counts were
 * in (and so leaves the output topic and the query API's tables): no change can reach it any more.
 * Collected over one eviction, then read once with {@link #windows()}.
 */
public final class EvictedWindows {

  /** A window of {@code family} under {@code scope} that lost counts in {@code slices}. */
  public record Removed(String scope, String family, WindowSpec spec, WindowSpec.Window window, Set<String> slices) {}

  private final List<WindowSpec> specs;
  private final ChangedDays.Blocks blocks;
  /** By scoped family (scope + family, in key order): the days that left and the slices they were in. */
  private final Map<String, Gone> gone = new TreeMap<>();

  public EvictedWindows(List<WindowSpec> specs, ChangedDays.Blocks blocks) {
    this.specs = List.copyOf(specs);
    this.blocks = blocks;
  }

  /** Counts of {@code family}'s {@code day} under {@code scope}, in {@code slices}, left the store. */
  public void add(String scope, String family, LocalDate day, Collection<String> slices) {
    Gone g = gone.computeIfAbsent(scope + family, k -> new Gone(scope, family));
    g.days.add(day);
    g.slices.addAll(slices);
  }

  /** The windows to tombstone: by scoped family, spec, then window start. */
  public List<Removed> windows() {
    List<Removed> out = new ArrayList<>();
    for (Gone g : gone.values()) {
      long block = blocks.ofScope(g.scope);
      for (WindowSpec spec : specs) {
        Set<WindowSpec.Window> windows = new LinkedHashSet<>();
        g.days.forEach(day -> windows.addAll(spec.windowsContaining(day)));
        for (WindowSpec.Window window : windows) {
          if (blocks.ofWindow(window) == block) {
            out.add(new Removed(g.scope, g.family, spec, window, g.slices));
          }
        }
      }
    }
    return out;
  }

  private static final class Gone {
    final String scope;
    final String family;
    final TreeSet<LocalDate> days = new TreeSet<>();
    final Set<String> slices = new TreeSet<>();

    Gone(String scope, String family) {
      this.scope = scope;
      this.family = family;
    }
  }
}
