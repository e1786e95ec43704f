package io.jobstream.model;

import java.time.LocalDate;

/**
 * Which cluster of cross-posted copies a posting is in, and why: the value of
 * {@code jobs.postings.clusters} (compacted, keyed by posting id; a tombstone when the posting
 * leaves the cluster stage: deleted, or without a duplicate key any more). It lets a reader audit
 * a merge without running the copy rule again (see {@code docs/dedup.md}).
 *
 * @param postingId the posting
 * @param duplicateKey its normalized company and title, the block of postings it was compared with
 * @param eventDate the day it counts on
 * @param representative the posting id of its cluster's representative, the posting counted; its
 *     own id when it is the representative
 * @param copies for a representative, the number of copies it stands for (not counted, in
 *     {@code duplicatesDropped}); 0 for a copy
 * @param similarity for a copy, the MinHash estimate of its description's similarity to the
 *     representative's (0..1, boilerplate removed); null for a representative
 * @param reason for a copy, the fields the rule compared and what it found, in words (same
 *     company and title, the two places, the two open spans, the similarity); null for a representative
 * @param clusterEnd the last day the representative is open: a posting dated after it is not its copy
 */
public record CopyClusterEntry(
    int schemaVersion,
    String postingId,
    String duplicateKey,
    LocalDate eventDate,
    String representative,
    long copies,
    Double similarity,
    String reason,
    LocalDate clusterEnd) {

  public static final int SCHEMA_VERSION = 1;
}
