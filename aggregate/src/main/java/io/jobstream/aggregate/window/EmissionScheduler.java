package io.jobstream.aggregate.window;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * When a window task's emission may run, how long, and where the next one goes on.
 *
 * <ul>
 *   <li><b>Pacing</b>: after an emission that took T, the next waits at least {@code pauseFactor}
 *       times T (times the window tasks of the stream thread, {@link EmissionPacer}) while input
 *       keeps coming: under a backlog every window is dirty again soon, and re-computing all of
 *       them often would starve the counting. Once input is quiet (none for {@code quietMs}) the
 *       pause no longer applies.
 *   <li><b>Budget</b>: an emission runs for at most {@code budget} of wall-clock time: it runs
 *       inside the task's transaction, which the broker aborts after
 *       {@code transaction.timeout.ms} (10 s by default under exactly-once). It always moves at
 *       least one window and one day, so that it makes progress however slow the machine.
 *   <li><b>Resume cursor</b>: an emission that ran out of time names the window it did not
 *       finish; the next starts with it (round robin over the windows to emit).
 * </ul>
 *
 * Not thread safe: a task's processor runs on its stream thread only.
 */
public final class EmissionScheduler {

  private final Duration budget;
  private final int pauseFactor;
  private final LongSupplier nanoTime;
  private EmissionPacer pacer;
  /** No input for this long means the input has stopped: the pause no longer applies. */
  private long quietMs;
  private long lastInputMs;
  private long lastEmissionEndMs;
  private long nextEmitAllowedMs;
  private long startedNanos;
  private long deadline = Long.MAX_VALUE;
  private int jobsThisEmission;
  private int daysThisEmission;
  /** The window an emission that ran out of time did not finish; the next starts with it. */
  private WindowJob resumeFrom;

  /**
   * @param budget longest an emission runs before it leaves the rest to the next one
   * @param pauseFactor the least pause after an emission, in multiples of its duration, while
   *     input keeps coming (0: none)
   * @param nanoTime the clock of the budget ({@code System::nanoTime}; tests pass their own)
   */
  public EmissionScheduler(Duration budget, int pauseFactor, LongSupplier nanoTime) {
    this.budget = budget;
    this.pauseFactor = pauseFactor;
    this.nanoTime = nanoTime;
  }

  /**
   * The task starts on the calling stream thread.
   *
   * @param quietMs no input for this long means the input stopped (twice the longer of the emit
   *     and commit intervals: upstream tasks hand records on at each commit)
   */
  public void start(long quietMs) {
    this.quietMs = quietMs;
    pacer = EmissionPacer.ofThisThread();
    pacer.join();
  }

  /** The task closes: its thread has one window task less. */
  public void stop() {
    if (pacer != null) {
      pacer.leave();
      pacer = null;
    }
  }

  /** A record came at {@code nowMs}. */
  public void input(long nowMs) {
    lastInputMs = nowMs;
  }

  /** An emission may run at {@code nowMs}: the pause is over, or input is quiet. */
  public boolean due(long nowMs) {
    // quiet: no input since well after the last emission ended (input waits while one runs)
    return nowMs >= nextEmitAllowedMs || nowMs - Math.max(lastInputMs, lastEmissionEndMs) >= quietMs;
  }

  /** A due emission starts (its time counts for the pause from here, reading the changed days too). */
  public void open() {
    startedNanos = nanoTime.getAsLong();
  }

  /**
   * The emission has {@code jobs} to go through (in their order): the index of the first job to
   * take, the one the last emission did not finish (or the first after it), else 0. The budget
   * runs from here.
   */
  public int begin(List<WindowJob> jobs) {
    deadline = nanoTime.getAsLong() + budget.toNanos();
    jobsThisEmission = 0;
    daysThisEmission = 0;
    int first = 0;
    if (resumeFrom != null && !jobs.isEmpty()) {
      while (first < jobs.size() && jobs.get(first).isBefore(resumeFrom)) {
        first++;
      }
      first %= jobs.size();
    }
    resumeFrom = null;
    return first;
  }

  /** Another window may start: none has yet, or there is time left. */
  public boolean mayStartJob() {
    return jobsThisEmission == 0 || !outOfTime();
  }

  /** A window went out. */
  public void jobDone() {
    jobsThisEmission++;
  }

  /** Another day may be read into a window: none has been yet, or there is time left. */
  public boolean mayReadDay() {
    return daysThisEmission++ == 0 || !outOfTime();
  }

  /** The emission stops before {@code job}, which the next one starts with. */
  public void stopBefore(WindowJob job) {
    resumeFrom = job;
  }

  /** The emission stopped before its last window (until the next {@link #begin}). */
  public boolean unfinished() {
    return resumeFrom != null;
  }

  /**
   * The emission {@link #open opened} at the punctuation of {@code punctuatedMs} ended at
   * {@code nowMs}: the next waits its pause.
   */
  public void end(long punctuatedMs, long nowMs) {
    long tookMs = (nanoTime.getAsLong() - startedNanos) / 1_000_000;
    nextEmitAllowedMs = punctuatedMs + (pacer == null ? pauseFactor * tookMs : pacer.pauseMs(tookMs, pauseFactor));
    lastEmissionEndMs = nowMs;
  }

  private boolean outOfTime() {
    return nanoTime.getAsLong() > deadline;
  }
}
