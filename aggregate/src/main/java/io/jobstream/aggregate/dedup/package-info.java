/**
 * Finding cross-posted copies of one job as a careful reader does, without Kafka: normalizers of
 * what copies vary in ({@link io.jobstream.aggregate.dedup.CompanyName},
 * {@link io.jobstream.aggregate.dedup.JobTitle}, {@link io.jobstream.aggregate.dedup.PlaceName},
 * {@link io.jobstream.aggregate.dedup.Boilerplate}), a near-duplicate signature of descriptions
 * ({@link io.jobstream.aggregate.dedup.MinHash}), the rule that decides whether two postings are
 * copies ({@link io.jobstream.aggregate.dedup.CopyRule}) and the clusters it makes
 * ({@link io.jobstream.aggregate.dedup.CopyClusters}), which the streaming cluster stage and the
 * batch references of the tests both use. The rule and its measured precision and recall are
 * described in {@code docs/dedup.md}.
 */
package io.jobstream.aggregate.dedup;
