package io.jobstream.aggregate;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Puts a family's (or pair's) consecutive blocks of windows on consecutive partitions, starting
 * at one given by the family: a family with most of the postings has its blocks on as many
 * partitions as it has blocks, instead of wherever their hashes fall (a hash of a few dozen keys
 * of very different weights often puts the heavy ones together).
 */
final class BlockPartitioner<V> implements StreamPartitioner<String, V> {

  @Override
  public Optional<Set<Integer>> partitions(String topic, String taskKey, V value, int numPartitions) {
    return Optional.of(Set.of(partition(taskKey, numPartitions)));
  }

  static int partition(String taskKey, int numPartitions) {
    // String.hashCode is specified, so every instance computes the same partition
    long first = WindowBlocks.keyOf(taskKey).hashCode();
    return (int) Math.floorMod(first + WindowBlocks.blockOfKey(taskKey), (long) numPartitions);
  }
}
