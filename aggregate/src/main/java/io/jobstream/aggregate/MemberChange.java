package io.jobstream.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * A posting's move from one version to the next, as the cluster stage sees it: {@code before} is
 * null for a posting seen for the first time. Only changes that matter to the statistics travel.
 * Both sides of one change have the same duplicate key, or both have none.
 */
record MemberChange(ClusterMember before, ClusterMember after) {

  /** Whether its postings have a duplicate key: such a change goes to the cluster stage. */
  boolean clustered() {
    return (before != null ? before : after).duplicateKey() != null;
  }

  /**
   * The counted changes of a posting without a duplicate key, which can have no copies (a cluster
   * of one): its old tuple loses a posting and its new one gains one.
   */
  List<TupleDelta> unclusteredDeltas() {
    String left = before == null ? null : before.tuple(0);
    String joined = after == null ? null : after.tuple(0);
    List<TupleDelta> out = new ArrayList<>(2);
    if (left != null && !left.equals(joined)) {
      out.add(new TupleDelta(left, -1));
    }
    if (joined != null && !joined.equals(left)) {
      out.add(new TupleDelta(joined, 1));
    }
    return out;
  }
}
