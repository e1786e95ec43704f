package io.jobstream.aggregate;

import java.util.List;

/**
 * The combined changes one upstream task sends to one downstream task key in one record: net
 * counts by tuple ({@link TupleDelta}, any whole number, not only +1 or -1), and the earliest
 * record timestamp among the changes combined (what the latency meters measure from).
 */
record ChangeBatch(List<TupleDelta> changes, long earliestTimestamp) {

  boolean isEmpty() {
    return changes.isEmpty();
  }
}
