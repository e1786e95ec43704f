package io.jobstream.aggregate;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.RecordSizes;
import io.jobstream.model.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the stream's producer cannot write because the broker refuses its content (too large
 * for the topic, invalid) becomes a dead letter {@code production_refused} instead of stopping the
 * stream thread; any other production error still fails the task, as Kafka Streams' default does.
 *
 * <p>Exactly-once holds: the dead letter is handed back to Kafka Streams in the handler's
 * response, and Kafka Streams writes it with the task's own transactional producer, in the same
 * transaction as the rest of the task's output, so it is committed exactly when the input offset
 * is.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (!refusedForContent(exception)) {
      return Response.fail();
    }
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    int size = record.value() == null ? 0 : record.value().length;
    String origin = context.topic() + "/" + context.partition() + "@" + context.offset();
    DeadLetter letter = DeadLetter.of("stream", "production_refused",
        String.format("the broker refused a record of %,d bytes for %s: %s", size, record.topic(),
            exception.getMessage()),
        origin, key, record.value() == null ? null
            : new String(record.value(), 0, Math.min(size, DeadLetter.MAX_EXCERPT), StandardCharsets.UTF_8));
    LOG.warn("{} (key {}): {}", origin, RecordSizes.bounded(key, 200), letter.detail());
    StreamMetrics.deadLetter(letter.reason());
    byte[] deadKey = Topics.DLQ.keySerde().serializer().serialize(Topics.DLQ.name(), letter.key());
    byte[] deadValue = Topics.DLQ.valueSerde().serializer().serialize(Topics.DLQ.name(), letter);
    return Response.resume(List.of(new ProducerRecord<>(Topics.DLQ.name(), deadKey, deadValue)));
  }

  static boolean refusedForContent(Exception error) {
    return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
        || error instanceof InvalidRecordException || error instanceof CorruptRecordException;
  }
}
