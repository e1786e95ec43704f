package io.jobstream.aggregate;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Lets through the raw records on the partition that owns their posting id ({@code here}), or the
 * others (to be re-routed by posting id). The task that owns an id keeps its latest version, so
 * every version and tombstone of the id must be processed there, whichever partition a producer
 * put it on. The owner is the partition Kafka's Java producer picks for the key, murmur2 of its
 * UTF-8 bytes modulo the partition count of {@code jobs.postings.raw}: also where Kafka Streams'
 * repartition by posting id sends a record (its topic has as many partitions), so a re-routed
 * record reaches the owner's task. Java producers ({@code jobstream ingest}) put every record on
 * its owner; others (librdkafka's CRC32, a custom partitioner, a chosen partition) may not.
 * Records without a key stay where they are: they are dead letters wherever they go.
 */
final class PostingPlacement implements FixedKeyProcessor<String, byte[], byte[]> {

  /** Header of a re-routed record: where it arrived on the raw topic (topic/partition@offset), for dead letters. */
  static final String ORIGIN_HEADER = "jobstream.origin";

  private final int partitions;
  private final boolean here;
  private FixedKeyProcessorContext<String, byte[]> context;

  private final StreamMetrics metrics;

  /**
   * @param partitions the partition count of {@code jobs.postings.raw}
   * @param here true: let through the records on their owner partition; false: the others
   */
  PostingPlacement(int partitions, boolean here, StreamMetrics metrics) {
    this.partitions = partitions;
    this.here = here;
    this.metrics = metrics;
  }

  /** The partition of the raw topic (and of the repartition by posting id) that owns {@code postingId}. */
  static int owner(String postingId, int partitions) {
    return Utils.toPositive(Utils.murmur2(postingId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    RecordMetadata m = context.recordMetadata().orElseThrow();
    if (m.partition() >= partitions) {
      // the topic grew after the start: the owners have moved, so no placement can be trusted
      throw new IllegalStateException(m.topic() + " has more than the " + partitions + " partitions it had at"
          + " the start; stop the app, reset it and replay (see deploy/README.md, More partitions)");
    }
    boolean owned = record.key() == null || record.key().isBlank() || owner(record.key(), partitions) == m.partition();
    if (owned && here) {
      context.forward(record);
    } else if (!owned && !here) {
      metrics.rerouted();
      // new headers: the raw record's are shared with the other branch
      RecordHeaders headers = new RecordHeaders(record.headers().toArray());
      headers.remove(ORIGIN_HEADER);
      headers.add(ORIGIN_HEADER, (m.topic() + "/" + m.partition() + "@" + m.offset()).getBytes(StandardCharsets.UTF_8));
      context.forward(record.withHeaders(headers));
    }
  }
}
