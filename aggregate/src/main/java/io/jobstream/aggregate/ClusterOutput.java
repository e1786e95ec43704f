package io.jobstream.aggregate;

import io.jobstream.model.CopyClusterEntry;

/**
 * What the cluster stage sends on: a change of a counted tuple (to the window stages), or a
 * posting's cluster record for {@code jobs.postings.clusters} (its key is the posting id; a null
 * {@code cluster} is a tombstone: the posting left).
 */
record ClusterOutput(TupleDelta delta, CopyClusterEntry cluster) {

  static ClusterOutput counted(TupleDelta delta) {
    return new ClusterOutput(delta, null);
  }

  static ClusterOutput cluster(CopyClusterEntry cluster) {
    return new ClusterOutput(null, cluster);
  }

  boolean isCounted() {
    return delta != null;
  }
}
