package io.jobstream.aggregate;

import io.jobstream.aggregate.config.JobstreamConfig;
import java.time.Duration;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Wall-clock time for topology tests, passing as it does for a stream thread: the driver runs
 * every punctuation due at once, before the records they send through a repartition are read, so
 * the combined changes' batches ({@link ChangeCombiner}) are sent one step before the emission
 * that counts them.
 */
final class WallClock {

  /** The default combine interval ({@link JobstreamConfig#COMBINE_INTERVAL_CONFIG}). */
  static final Duration COMBINE = Duration.ofSeconds(1);

  private WallClock() {}

  /** Sends the open batches of combined changes, then advances the clock by {@code by}. */
  static void advance(TopologyTestDriver driver, Duration by) {
    driver.advanceWallClockTime(COMBINE);
    driver.advanceWallClockTime(by);
  }
}
