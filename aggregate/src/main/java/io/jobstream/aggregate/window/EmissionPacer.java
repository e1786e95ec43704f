package io.jobstream.aggregate.window;

/**
 * The window tasks of one stream thread, counted so that their pauses add up for the thread: the
 * tasks share it, so a pause of {@code factor} times each task's own emission would let six tasks
 * re-compute six times as much as one. Each task pauses {@code factor} times its emission times
 * the number of window tasks on its thread, so that while input keeps coming the thread spends
 * about {@code 1 / (1 + factor)} of its time re-computing, however its tasks are spread.
 */
final class EmissionPacer {

  private static final ThreadLocal<EmissionPacer> OF_THREAD = ThreadLocal.withInitial(EmissionPacer::new);

  private int tasks;

  /** The pacer of the calling thread (a task's processor runs on its stream thread only). */
  static EmissionPacer ofThisThread() {
    return OF_THREAD.get();
  }

  void join() {
    tasks++;
  }

  void leave() {
    tasks = Math.max(0, tasks - 1);
  }

  /** The least time after an emission that took {@code tookMs} before the task's next, while input keeps coming. */
  long pauseMs(long tookMs, int factor) {
    return factor * tookMs * Math.max(1, tasks);
  }
}
