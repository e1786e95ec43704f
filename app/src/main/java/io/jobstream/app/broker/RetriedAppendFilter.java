package io.jobstream.app.broker;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * Keeps one retried append out of the broker's ERROR log: a transactional producer's pipelined
 * batch that reaches a partition before its first batch (sequence 0) has been appended.
 *
 * <p>With transactions v2 (KIP-890, the default from Kafka 4.0) the broker verifies a partition's
 * place in the transaction when its first batch arrives; while it does, the producer's next
 * batches to that partition (up to {@code max.in.flight.requests.per.connection}, 5) may arrive,
 * and the broker, which has no state for the producer yet, rejects them with a retriable
 * {@code OutOfOrderSequenceException} ("Expected sequence 0 for transactions v2 idempotent
 * producer with no existing state", KAFKA-18202), logging each at ERROR. The producer retries
 * them in order; nothing is lost or doubled. It happens once per producer and partition, when a
 * streams app starts writing. One batch in flight avoids it, but cost the pipeline about a
 * quarter of its throughput in the benchmark; so the embedded broker counts these rejections
 * ({@link #suppressed()}) instead of logging them. Every other append error is logged as before.
 */
@Plugin(name = "RetriedAppendFilter", category = Node.CATEGORY, elementType = Filter.ELEMENT_TYPE,
    printObject = true)
public final class RetriedAppendFilter extends AbstractFilter {

  /** The broker's words for the rejection, in the exception's message. */
  static final String NO_STATE = "for transactions v2 idempotent producer with no existing state";

  private static final AtomicLong SUPPRESSED = new AtomicLong();

  private RetriedAppendFilter() {
    super(Result.NEUTRAL, Result.NEUTRAL);
  }

  @PluginFactory
  public static RetriedAppendFilter createFilter() {
    return new RetriedAppendFilter();
  }

  /** Rejections kept out of the log by this JVM's filters so far. */
  public static long suppressed() {
    return SUPPRESSED.get();
  }

  @Override
  public Result filter(LogEvent event) {
    Throwable thrown = event.getThrown();
    if (thrown instanceof OutOfOrderSequenceException && thrown.getMessage() != null
        && thrown.getMessage().contains(NO_STATE)) {
      SUPPRESSED.incrementAndGet();
      return Result.DENY;
    }
    return Result.NEUTRAL;
  }
}
