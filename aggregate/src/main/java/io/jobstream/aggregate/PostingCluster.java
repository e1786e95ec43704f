package io.jobstream.aggregate;

import java.util.Comparator;
import java.util.TreeMap;

/**
 * The current postings that are cross-posted copies of each other (same duplicate key, dated in
 * the same period), by posting id. One of them, the representative (the earliest, ties broken by
 * posting id), is counted; the others are counted as duplicates dropped.
 */
public record PostingCluster(TreeMap<String, ClusterMember> members) {

  private static final Comparator<ClusterMember> EARLIEST =
      Comparator.comparing(ClusterMember::eventDate).thenComparing(ClusterMember::postingId);

  public static PostingCluster empty() {
    return new PostingCluster(new TreeMap<>());
  }

  /**
   * The cluster key of a posting: its duplicate key and period; for a posting without one (which
   * the cluster stage no longer stores), the key earlier versions kept its cluster of one under.
   */
  static String key(ClusterMember p, long periodDays) {
    if (p.duplicateKey() == null) {
      return "id|" + p.postingId();
    }
    return "dup|" + p.duplicateKey() + "|" + Math.floorDiv(p.eventDate().toEpochDay(), periodDays);
  }

  PostingCluster plus(ClusterMember p) {
    members.put(p.postingId(), p);
    return this;
  }

  PostingCluster minus(ClusterMember p) {
    members.remove(p.postingId());
    return this;
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  ClusterMember representative() {
    return members.values().stream().min(EARLIEST).orElseThrow();
  }

  /** The tuple the cluster counts: its representative's, standing for the other copies. */
  String countedTuple() {
    return representative().tuple(duplicates());
  }

  /** The copies not counted: all members but the representative (none when empty). */
  long duplicates() {
    return Math.max(0, members.size() - 1L);
  }
}
