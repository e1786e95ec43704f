package io.jobstream.aggregate;

import io.jobstream.model.ClassifiedPosting;
import java.util.Comparator;
import java.util.TreeMap;

/**
 * The current postings that are cross-posted copies of each other (same duplicate key, dated in
 * the same period), by posting id. One of them, the representative (the earliest, ties broken by
 * posting id), is counted; the others are counted as duplicates dropped.
 */
public record PostingCluster(TreeMap<String, ClassifiedPosting> members) {

  private static final Comparator<ClassifiedPosting> EARLIEST =
      Comparator.comparing(ClassifiedPosting::eventDate).thenComparing(ClassifiedPosting::postingId);

  public static PostingCluster empty() {
    return new PostingCluster(new TreeMap<>());
  }

  /** The cluster key of a posting: its duplicate key and period, or its own id when it has none. */
  static String key(ClassifiedPosting p, long periodDays) {
    if (p.duplicateKey() == null) {
      return "id|" + p.postingId();
    }
    return "dup|" + p.duplicateKey() + "|" + Math.floorDiv(p.eventDate().toEpochDay(), periodDays);
  }

  PostingCluster plus(ClassifiedPosting p) {
    boolean wasEmpty = members.isEmpty();
    if (members.put(p.postingId(), p) == null && !wasEmpty) {
      StreamMetrics.DUPLICATES.incrementAndGet();
    }
    return this;
  }

  PostingCluster minus(ClassifiedPosting p) {
    if (members.remove(p.postingId()) != null && !members.isEmpty()) {
      StreamMetrics.DUPLICATES.decrementAndGet();
    }
    return this;
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  ClassifiedPosting representative() {
    return members.values().stream().min(EARLIEST).orElseThrow();
  }

  long duplicates() {
    return members.size() - 1L;
  }
}
