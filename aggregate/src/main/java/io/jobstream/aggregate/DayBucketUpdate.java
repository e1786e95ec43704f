package io.jobstream.aggregate;

import java.time.LocalDate;

/** The new state of one day bucket, on its way to the task that owns the bucket's group. */
public record DayBucketUpdate(String family, LocalDate day, DayBucket bucket) {}
