/**
 * The window engine of the statistics and divergence stages, in parts that know nothing of Kafka
 * but the stores they are handed: {@link io.jobstream.aggregate.window.ChangedDays} (the days whose
 * windows must go out again, and the window jobs they make), {@link
 * io.jobstream.aggregate.window.LatestDay} (the latest day counted, from which the horizon
 * follows), {@link io.jobstream.aggregate.window.EmissionScheduler} (when an emission may run, for
 * how long, and where the next goes on), {@link io.jobstream.aggregate.window.SlidingWindows}
 * (running windows over pay counts), {@link io.jobstream.aggregate.window.HorizonEviction} and
 * {@link io.jobstream.aggregate.window.EvictedWindows} (counts behind the horizon leave, their
 * windows get tombstones) and {@link io.jobstream.aggregate.window.PendingChanges} (the meters of
 * changes not yet emitted). The processors in {@code io.jobstream.aggregate} wire state, time and
 * records to them.
 */
package io.jobstream.aggregate.window;
