package io.jobstream.aggregate;

import io.jobstream.aggregate.dedup.CopyClusters;
import io.jobstream.aggregate.dedup.CopyRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The current postings of one duplicate key (normalized company and title), by posting id: the
 * candidates the {@link CopyRule} compares with each other. They fall into clusters of copies
 * ({@link CopyClusters}), each of which counts once, as its representative (the earliest, ties
 * broken by posting id) standing for the other copies.
 */
public record CopyBlock(TreeMap<String, ClusterMember> members) {

  public static CopyBlock empty() {
    return new CopyBlock(new TreeMap<>());
  }

  CopyBlock plus(ClusterMember p) {
    members.put(p.postingId(), p);
    return this;
  }

  CopyBlock minus(ClusterMember p) {
    members.remove(p.postingId());
    return this;
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  /** The clusters of copies among the members, in the order of their representatives. */
  List<CopyClusters.Cluster> clusters(CopyRule rule) {
    List<io.jobstream.aggregate.dedup.CopyCandidate> candidates = new ArrayList<>(members.size());
    for (ClusterMember m : members.values()) {
      candidates.add(m.candidate());
    }
    return CopyClusters.ofBlock(rule, candidates);
  }

  /** The tuple a cluster counts: its representative's, standing for its other copies. */
  String countedTuple(CopyClusters.Cluster cluster) {
    return members.get(cluster.representative().id()).tuple(cluster.members().size() - 1L);
  }

  /** The last day any member is open: once it is before the horizon, no posting to come can join them. */
  LocalDate lastOpenDay(CopyRule rule) {
    LocalDate last = LocalDate.MIN;
    for (ClusterMember m : members.values()) {
      LocalDate end = rule.end(m.candidate());
      if (end.isAfter(last)) {
        last = end;
      }
    }
    return last;
  }
}
