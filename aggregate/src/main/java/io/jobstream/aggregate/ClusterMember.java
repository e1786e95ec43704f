package io.jobstream.aggregate;

import io.jobstream.aggregate.dedup.CopyCandidate;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.CopyTraits;
import java.time.LocalDate;

/**
 * What the cluster stage needs of a posting: its id and date (to pick the counted copy), its
 * duplicate key (to find its copy block) and {@link CopyTraits} (to compare it with the
 * others there), and its {@link PostingTuple} key with zero duplicates. A few hundred bytes instead
 * of the whole classified posting, on the repartition topic and in the stores.
 */
record ClusterMember(String postingId, LocalDate eventDate, String duplicateKey, CopyTraits traits, String tuple) {

  /** The member of a classified posting; without copy traits (an older producer's) it has no duplicate key. */
  static ClusterMember of(ClassifiedPosting p, String currency) {
    CopyCandidate c = CopyCandidate.of(p);
    return new ClusterMember(p.postingId(), p.eventDate(), c.key(), c.traits(), PostingTuple.of(p, currency, 0).key());
  }

  /** The posting as the copy rule sees it. */
  CopyCandidate candidate() {
    return new CopyCandidate(postingId, eventDate, duplicateKey, traits);
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
