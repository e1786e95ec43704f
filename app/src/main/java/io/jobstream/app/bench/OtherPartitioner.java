package io.jobstream.app.bench;

import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Puts every record on the partition after the one Kafka's Java producer picks for its key: a
 * producer that disagrees with Java's partitioner on every key, so that every record of a topic
 * with more than one partition reaches jobstream on a partition that does not own its posting id
 * (the most the re-route by posting id can cost). A record without a key goes to partition 0.
 */
public final class OtherPartitioner implements Partitioner {

  @Override
  public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
    int partitions = cluster.partitionCountForTopic(topic);
    return keyBytes == null ? 0 : (Utils.toPositive(Utils.murmur2(keyBytes)) + 1) % partitions;
  }

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void close() {}
}
