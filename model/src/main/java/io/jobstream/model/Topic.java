package io.jobstream.model;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the contract: its name, the serdes of its key and value, and how the app creates it
 * when it is missing.
 *
 * @param partitions partition count used when the topic is created
 * @param configs topic configs used when the topic is created
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    Map<String, String> configs) {

  @Override
  public String toString() {
    return name;
  }
}
