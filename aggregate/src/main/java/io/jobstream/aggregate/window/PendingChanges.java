package io.jobstream.aggregate.window;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A window task's changes counted and not yet in an emission, for the meters: its share of the
 * unemitted-changes gauge (other window tasks of the process keep theirs, so a task takes back
 * only its own), and the record timestamps of those changes, for the latency from a posting's
 * record to the emission that has it (at most {@link #MAX_LATENCY_SAMPLES} a round: a sample when
 * many).
 */
public final class PendingChanges {

  /** Most record timestamps kept between two complete emissions. */
  public static final int MAX_LATENCY_SAMPLES = 10_000;

  /** Where the figures go. */
  public interface Meters {
    /** Adds {@code changes} (negative: takes them back) to the unemitted-changes gauge. */
    void addUnemitted(long changes);

    /** One change's latency from its record to the emission that has it. */
    void latency(Duration latency);

    /** Every change counted so far is emitted, at {@code epochMs}. */
    void emittedAll(long epochMs);

    static Meters of(LongConsumer addUnemitted, Consumer<Duration> latency, LongConsumer emittedAll) {
      return new Meters() {
        @Override
        public void addUnemitted(long changes) {
          addUnemitted.accept(changes);
        }

        @Override
        public void latency(Duration d) {
          latency.accept(d);
        }

        @Override
        public void emittedAll(long epochMs) {
          emittedAll.accept(epochMs);
        }
      };
    }
  }

  private final Meters meters;
  private final long[] timestamps = new long[MAX_LATENCY_SAMPLES];
  private int sampled;
  private long unemitted;

  public PendingChanges(Meters meters) {
    this.meters = meters;
  }

  /**
   * A task starts with {@code estimate} changes left from before (the changed days in its store:
   * at least one change each; an estimate, so that a task does not read a store at start).
   */
  public void restored(long estimate) {
    unemitted += estimate;
    meters.addUnemitted(estimate);
  }

  /** A change of a record stamped {@code recordTimestamp} was counted. */
  public void counted(long recordTimestamp) {
    if (sampled < MAX_LATENCY_SAMPLES) {
      timestamps[sampled++] = recordTimestamp;
    }
    unemitted++;
    meters.addUnemitted(1);
  }

  /** Nothing is waiting to be emitted: this task's share of the gauge is settled. */
  public void settled() {
    meters.addUnemitted(-unemitted);
    unemitted = 0;
  }

  /** An emission at {@code nowMs} left nothing waiting: every change counted is out. */
  public void allEmitted(long nowMs) {
    for (int i = 0; i < sampled; i++) {
      meters.latency(Duration.ofMillis(Math.max(0, nowMs - timestamps[i])));
    }
    sampled = 0;
    settled();
    meters.emittedAll(nowMs);
  }

  /** Changes counted and not emitted, as this task counts them. */
  public long unemitted() {
    return unemitted;
  }
}
