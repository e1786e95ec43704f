package io.jobstream.aggregate;

import io.jobstream.aggregate.dedup.CopyClusters;
import java.time.LocalDate;

/**
 * One posting of a copy block as the cluster stage keeps it (store {@code copy-block-postings},
 * key {@link CopyBlockKeys#of}): the posting, the cluster it is in ({@link CopyClusters}) and, for
 * a representative, how many copies it stands for. What a change needs of the postings it does not
 * touch is here, so it re-reads only the days its change can reach, and writes only the entries
 * whose cluster or count changed.
 *
 * @param member the posting
 * @param representative the posting id of its cluster's representative; its own for a representative
 * @param copies a representative's number of copies (not counted); 0 for a copy
 * @param similarity a copy's description similarity to its representative (0..1); null for a representative
 * @param clusterEnd the last day its cluster's representative is open: once before the horizon,
 *     the entry can leave the store (no posting to come can join that cluster)
 */
record CopyEntry(ClusterMember member, String representative, long copies, Double similarity, LocalDate clusterEnd) {

  /** Whether this posting is its cluster's representative, the posting counted. */
  boolean isRepresentative() {
    return representative.equals(member.postingId());
  }
}
