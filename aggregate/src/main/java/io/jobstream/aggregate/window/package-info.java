/**
 * The window engine of the statistics and divergence stages, in parts that know nothing of Kafka
 * but the stores they are handed: {@link io.jobstream.aggregate.window.ChangedDays} (the days whose
 * windows must be emitted again), {@link io.jobstream.aggregate.window.EmissionScheduler} (when an
 * emission may run, how long, and where the next goes on), {@link
 * io.jobstream.aggregate.window.SlidingWindows} (running windows over pay counts) and the eviction
 * of counts behind the horizon. The processors in {@code io.jobstream.aggregate} wire state, time
 * and records to them.
 */
package io.jobstream.aggregate.window;
