package io.jobstream.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which of a posting's versions and deletions is the latest: the one with the latest record
 * timestamp, the later arrival of two with the same. The timestamp, not the arrival, because the
 * versions of one id may reach its task by two paths (straight from the raw topic, or re-routed
 * through {@value JobstreamTopology#BY_POSTING}, a trip that takes a while), so arrival order is
 * not the order in which they were written. The raw topic stamps each record with the broker's
 * append time (LogAppendTime), one clock for every producer, and the re-route keeps it; on one
 * partition the stamps follow the offsets, so records of Java producers are applied in their
 * order as before. A posting's {@code fetchedAt} would not do: a tombstone has none, and it is the
 * scraper's clock. Keeps the timestamp of the latest version or deletion applied per id (a
 * deletion's stays, so that an older version arriving after it does not bring the posting back),
 * for {@link #RETENTION} of record time after the task's latest: far longer than any re-route.
 */
final class VersionOrder {

  /** How long an id's latest timestamp is kept: the raw topic's retention. */
  static final Duration RETENTION = Duration.ofDays(28);

  private final KeyValueStore<String, Long> applied;
  private final HorizonSweep<Long> sweep = new HorizonSweep<>(HorizonSweep.BUDGET, (id, ts) -> day(ts));
  private long latest = Long.MIN_VALUE;

  VersionOrder(KeyValueStore<String, Long> applied) {
    this.applied = applied;
  }

  /** True if a version or deletion of {@code postingId} later than {@code timestamp} has been applied. */
  boolean superseded(String postingId, long timestamp) {
    Long last = applied.get(postingId);
    return last != null && timestamp < last;
  }

  /** A version or deletion of {@code postingId} stamped {@code timestamp} was applied. */
  void applied(String postingId, long timestamp) {
    applied.put(postingId, timestamp);
    latest = Math.max(latest, timestamp);
    sweep.written(day(timestamp));
  }

  /** Forgets ids whose latest timestamp is more than {@link #RETENTION} before the latest applied since start. */
  void evict() {
    if (latest == Long.MIN_VALUE) {
      return;
    }
    for (KeyValue<String, Long> old : sweep.expired(applied, day(latest - RETENTION.toMillis()))) {
      applied.delete(old.key);
    }
  }

  private static LocalDate day(long timestamp) {
    return Instant.ofEpochMilli(timestamp).atZone(ZoneOffset.UTC).toLocalDate();
  }
}
