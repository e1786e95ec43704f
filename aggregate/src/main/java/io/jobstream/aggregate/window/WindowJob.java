package io.jobstream.aggregate.window;

import io.jobstream.aggregate.WindowSpec;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A window to emit: by scope (a record key and its separator), the families whose postings
 * changed, each with the slices that changed. Jobs are ordered by spec (its index in the list of
 * specs) and window start, the order an emission goes through them.
 */
public final class WindowJob {

  private final int spec;
  private final WindowSpec.Window window;
  private final Map<String, Map<String, Set<String>>> scopes = new TreeMap<>();
  /** The emission before the latest change of the days it holds (-1: none yet). */
  private long latestChange = -1;

  public WindowJob(int spec, WindowSpec.Window window) {
    this.spec = spec;
    this.window = window;
  }

  /** The index of the window's spec in the stage's list of specs. */
  public int spec() {
    return spec;
  }

  public WindowSpec.Window window() {
    return window;
  }

  /** Scope -> family -> the slices that changed (read only). */
  public Map<String, Map<String, Set<String>>> scopes() {
    return Collections.unmodifiableMap(scopes);
  }

  /** The emission before the latest change of the days it holds. */
  long latestChange() {
    return latestChange;
  }

  /** A changed day of {@code family} under {@code scope} falls in this window. */
  void add(String scope, String family, Set<String> slices, long changedIn) {
    scopes.computeIfAbsent(scope, s -> new TreeMap<>()).computeIfAbsent(family, f -> new TreeSet<>()).addAll(slices);
    latestChange = Math.max(latestChange, changedIn);
  }

  /** Names the window among the stage's windows (spec and start). */
  String key() {
    return key(spec, window);
  }

  static String key(int spec, WindowSpec.Window window) {
    return spec + "|" + window.start();
  }

  /** Comes before {@code other} in an emission's order. */
  boolean isBefore(WindowJob other) {
    return spec < other.spec || (spec == other.spec && window.start().isBefore(other.window.start()));
  }

  @Override
  public String toString() {
    return key() + " " + scopes;
  }
}
