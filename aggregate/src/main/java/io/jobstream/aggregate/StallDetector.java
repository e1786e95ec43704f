package io.jobstream.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells a stuck pipeline from an idle or busy one, from snapshots of each input partition's
 * committed offset and end offset: a partition is stalled when records wait on it (end beyond
 * committed) and its committed offset has not moved for the stall timeout. An idle partition
 * (nothing waiting) never stalls, however long nothing comes.
 */
final class StallDetector {

  /** One input partition at one moment: the app's committed offset and the partition's end. */
  record Offsets(long committed, long end) {
    long waiting() {
      return Math.max(0, end - committed);
    }
  }

  /** A partition with input waiting and no progress for at least the timeout. */
  record Stall(String partition, long waiting, long sinceMs) {}

  private record Seen(long committed, long sinceMs) {}

  private final long timeoutMs;
  private final Map<String, Seen> lastMove = new HashMap<>();
  private List<Stall> stalls = List.of();

  /** @param timeoutMs how long waiting input may go unprocessed before it counts as stalled */
  StallDetector(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  /** Takes a snapshot taken at {@code nowMs}; returns the stalled partitions. */
  synchronized List<Stall> observe(Map<String, Offsets> snapshot, long nowMs) {
    List<Stall> out = new ArrayList<>();
    lastMove.keySet().retainAll(snapshot.keySet());
    snapshot.forEach((partition, offsets) -> {
      Seen seen = lastMove.get(partition);
      if (seen == null || seen.committed() != offsets.committed() || offsets.waiting() == 0) {
        // it moved, or there is nothing to do: the clock starts again
        lastMove.put(partition, new Seen(offsets.committed(), nowMs));
        return;
      }
      long since = nowMs - seen.sinceMs();
      if (since >= timeoutMs) {
        out.add(new Stall(partition, offsets.waiting(), since));
      }
    });
    out.sort((x, y) -> x.partition().compareTo(y.partition()));
    stalls = List.copyOf(out);
    return stalls;
  }

  /** The stalled partitions of the last snapshot. */
  synchronized List<Stall> stalls() {
    return stalls;
  }
}
