package io.jobstream.aggregate;

import io.jobstream.model.ClassifiedPosting;
import java.time.LocalDate;

/**
 * What the cluster stage needs of a posting: its id and date (to pick the counted copy), its
 * duplicate key (to find its cluster), and its {@link PostingTuple} key with zero duplicates. A
 * few dozen bytes instead of the whole classified posting, on the repartition topic and in the
 * cluster store.
 */
record ClusterMember(String postingId, LocalDate eventDate, String duplicateKey, String tuple) {

  static ClusterMember of(ClassifiedPosting p, String currency) {
    return new ClusterMember(p.postingId(), p.eventDate(), p.duplicateKey(), PostingTuple.of(p, currency, 0).key());
  }

  /** The posting's role family (the first field of its tuple key). */
  String family() {
    return tuple.substring(0, tuple.indexOf('|'));
  }

  /** The tuple key of this posting counted for itself and {@code duplicates} dropped copies. */
  String tuple(long duplicates) {
    // the duplicates count is the last field of a tuple key
    return tuple.substring(0, tuple.lastIndexOf('|') + 1) + duplicates;
  }
}
