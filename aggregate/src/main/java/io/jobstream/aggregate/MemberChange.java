package io.jobstream.aggregate;

/**
 * A posting's move from one version to the next, as the cluster stage sees it: {@code before} is
 * null for a posting seen for the first time. Only changes that matter to the statistics travel.
 */
record MemberChange(ClusterMember before, ClusterMember after) {}
